package dev.osprey.example;

import io.javalin.http.Context;

/**
 * The page a list request asks for: {@code page} counted from 1 (default 1) and {@code page_size} from 1
 * to 100 (default 20). A page whose first row would be past what a long can count is refused; a page
 * past the last row is fine and empty. Immutable.
 *
 * @param page   the page number
 * @param size   rows per page
 * @param offset rows before the page
 */
record Paging(long page, int size, long offset) {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static Paging of(Context ctx) {
        long page = Params.bounded(ctx, "page", 1, 1, Long.MAX_VALUE);
        int size = (int) Params.bounded(ctx, "page_size", DEFAULT_SIZE, 1, MAX_SIZE);
        try {
            return new Paging(page, size, Math.multiplyExact(page - 1, (long) size));
        } catch (ArithmeticException e) {
            throw ApiException.invalid("page", "page is too large");
        }
    }
}
