package dev.osprey.internal.query;

import dev.osprey.query.Query;

/** An INSERT that returns columns of the inserted rows. */
public record ReturningStatement<R>(InsertStatement<?> insert, Projection<R> projection) implements Query<R> {
}
