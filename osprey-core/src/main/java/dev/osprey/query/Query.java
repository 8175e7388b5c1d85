package dev.osprey.query;

/**
 * A statement that returns rows of {@code R}: a {@link Select}, or an insert with
 * {@link Insert#returning}. Run it with {@code db.execute(query)}, {@code db.scalars(query)} or
 * {@code db.scalar(query)}.
 *
 * @param <R> one row: an entity, a single value, a {@link Tuple} or a record
 */
public interface Query<R> {
}
