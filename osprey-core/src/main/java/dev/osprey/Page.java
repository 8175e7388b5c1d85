package dev.osprey;

import java.util.List;
import java.util.Objects;

/**
 * One page of rows and the total behind it, as {@link Repository#page} gives it. Pages count from 1;
 * a page past the end has no items but still the right {@code total}. Immutable (the list is a copy),
 * so safe to share between threads.
 *
 * @param items the rows of this page, at most {@code size}
 * @param total the number of rows on all pages
 * @param page  this page's number, from 1
 * @param size  the page size asked for
 * @param <T>   the entity
 */
public record Page<T>(List<T> items, long total, int page, int size) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (total < 0 || page < 1 || size < 1) {
            throw new IllegalArgumentException("a page needs total >= 0, page >= 1 and size >= 1, not total " + total
                    + ", page " + page + ", size " + size);
        }
    }

    /** How many pages {@code total} rows fill: 0 when there are none. */
    public long totalPages() {
        return (total + size - 1) / size;
    }

    /** Whether a later page has rows. */
    public boolean hasNext() {
        return page < totalPages();
    }
}
