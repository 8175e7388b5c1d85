package dev.osprey.internal.query;

import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Delete;
import dev.osprey.query.Predicate;

import java.util.List;

/**
 * The tree of a DELETE.
 *
 * @param allRows true when {@code all()} asked for every row to be deleted
 */
public record DeleteStatement<E>(EntityModel<E> model, List<Predicate> where, boolean allRows) implements Delete<E> {

    public static <E> DeleteStatement<E> of(EntityModel<E> model) {
        return new DeleteStatement<>(model, List.of(), false);
    }

    @Override
    public Delete<E> where(Predicate... conditions) {
        return new DeleteStatement<>(model, ImmutableLists.append(where, conditions, "condition"), allRows);
    }

    @Override
    public Delete<E> all() {
        return new DeleteStatement<>(model, where, true);
    }
}
