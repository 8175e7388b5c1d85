package dev.osprey.example;

import dev.osprey.Session;
import dev.osprey.query.Order;
import dev.osprey.query.Select;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items": [...], "page": 1, "page_size": 20, "total": 57}}, where
 * {@code total} counts every row that matches, on all pages. Immutable if its items are.
 */
record PageJson<T>(List<T> items, long page, int pageSize, long total) {

    /**
     * The page {@code paging} asks for of the rows of {@code matching} in {@code order}, each shown by
     * {@code view}: the total first, then the page's rows unless the page starts past the last row.
     */
    static <E, T> CompletableFuture<PageJson<T>> read(Session session, Select<E> matching, Order[] order,
                                                       Paging paging, Function<E, T> view) {
        return session.count(matching).thenCompose(total -> {
            if (paging.offset() >= total) {
                return CompletableFuture.completedFuture(new PageJson<T>(List.of(), paging.page(), paging.size(), total));
            }
            return session.scalars(matching.orderBy(order).limit(paging.size()).offset(paging.offset()))
                    .thenApply(rows -> new PageJson<>(rows.stream().map(view).toList(), paging.page(), paging.size(),
                            total));
        });
    }
}
