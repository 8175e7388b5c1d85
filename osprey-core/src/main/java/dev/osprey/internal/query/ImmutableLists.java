package dev.osprey.internal.query;

import java.util.List;
import java.util.Objects;

/**
 * The one list operation the statement builders need: an immutable list with items appended, each
 * checked to be non-null with a message naming what it is. Builders run on every call of an application
 * that builds its statements per call, so this copies once instead of through an intermediate list.
 */
final class ImmutableLists {
    private ImmutableLists() {
    }

    /** {@code list} followed by {@code more}, as a new immutable list; a null in {@code more} is refused, naming {@code what}. */
    @SuppressWarnings("unchecked")
    static <T> List<T> append(List<T> list, T[] more, String what) {
        Objects.requireNonNull(more, () -> "the " + what + "s");
        for (T item : more) {
            Objects.requireNonNull(item, () -> ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what + " is null");
        }
        if (list.isEmpty()) {
            return List.of(more);
        }
        Object[] all = new Object[list.size() + more.length];
        for (int i = 0; i < list.size(); i++) {
            all[i] = list.get(i);
        }
        System.arraycopy(more, 0, all, list.size(), more.length);
        return (List<T>) List.of(all);
    }

    /** {@code list} followed by {@code item}, as a new immutable list. */
    @SuppressWarnings("unchecked")
    static <T> List<T> append(List<T> list, T item) {
        if (list.isEmpty()) {
            return List.of(item);
        }
        Object[] all = list.toArray(new Object[list.size() + 1]);
        all[list.size()] = item;
        return (List<T>) List.of(all);
    }
}
