package dev.osprey.example;

import dev.osprey.query.Column;
import dev.osprey.query.Order;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code sort} query parameter: comma-separated field names, each with a {@code -} prefix for
 * descending ({@code sort=-count,name}); by id when left out. Ties are always broken by id ascending so
 * that pages are stable, and NULLs (of a due date) sort last in both directions, on every database.
 * Stateless and thread-safe.
 */
final class Sorting {
    private Sorting() {
    }

    /**
     * The ordering the request asks for.
     *
     * @param fields the fields that may be sorted by, by their JSON names
     * @param id     the id column, the final tie-breaker
     */
    static <E> Order[] of(Context ctx, Map<String, Column<E, ?>> fields, Column<E, Long> id) {
        String sort = ctx.queryParam("sort");
        List<Order> orders = new ArrayList<>();
        boolean byId = false;
        if (sort != null && !sort.isEmpty()) {
            for (String term : sort.split(",", -1)) {
                boolean descending = term.startsWith("-");
                String name = descending ? term.substring(1) : term;
                Column<E, ?> column = fields.get(name);
                if (column == null) {
                    throw ApiException.invalid("sort", "sort by " + (name.isEmpty() ? "an empty field" : "'" + name
                            + "'") + " is not possible; fields: " + String.join(", ", fields.keySet()));
                }
                Order order = descending ? column.desc() : column.asc();
                orders.add(column.attribute().isNullable() ? order.nullsLast() : order);
                byId |= column.equals(id);
            }
        }
        if (!byId) {
            orders.add(id.asc());
        }
        return orders.toArray(Order[]::new);
    }
}
