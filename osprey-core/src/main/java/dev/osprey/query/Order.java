package dev.osprey.query;

import java.util.Objects;

/**
 * One term of {@code ORDER BY}: an expression, ascending or descending, with where NULLs go.
 * Made by {@link Expression#asc()} and {@link Expression#desc()}. Without {@link #nullsFirst()} or
 * {@link #nullsLast()} NULLs go where the database puts them (PostgreSQL: last when ascending;
 * SQLite and MariaDB: first); with them, the same place on every database. Immutable.
 *
 * @param expression what to order by
 * @param descending descending rather than ascending
 * @param nulls      where NULLs go
 */
public record Order(Expression<?> expression, boolean descending, Nulls nulls) {

    /** Where NULLs are placed. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    public Order {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    public Order nullsFirst() {
        return new Order(expression, descending, Nulls.FIRST);
    }

    public Order nullsLast() {
        return new Order(expression, descending, Nulls.LAST);
    }
}
