package dev.osprey.query;

/**
 * A DELETE, built with {@link Sql#delete}: {@code delete(User.class).where(User_.ID.eq(id))}.
 * Running it gives the number of rows deleted. A delete without {@link #where} is refused unless
 * {@link #all()} says that every row is meant. Immutable.
 *
 * @param <E> the entity
 */
public interface Delete<E> extends Mutation {

    /** Adds conditions (AND). */
    Delete<E> where(Predicate... conditions);

    /** Deletes every row of the table: the explicit alternative to {@link #where}. */
    Delete<E> all();
}
