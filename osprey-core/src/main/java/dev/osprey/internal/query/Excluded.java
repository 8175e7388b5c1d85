package dev.osprey.internal.query;

import dev.osprey.query.Column;
import dev.osprey.query.Expression;

/** In an upsert's update: the value that was to be inserted into {@code column}. */
public record Excluded<T>(Column<?, T> column) implements Expression<T> {
    @Override
    public Class<T> javaType() {
        return column.javaType();
    }
}
