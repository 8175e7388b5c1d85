package dev.osprey.query;

import java.util.Objects;

/**
 * {@code column = value} in an UPDATE or an upsert's {@code DO UPDATE}: made by
 * {@link Sql#set(Column, Object)} and {@link Sql#set(Column, Expression)}. Immutable.
 *
 * @param column the column written
 * @param value  its new value: a bound value or an expression such as {@code User_.COUNT.plus(1)}
 * @param <E>    the entity
 */
public record Assignment<E>(Column<E, ?> column, Expression<?> value) {
    public Assignment {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
    }
}
