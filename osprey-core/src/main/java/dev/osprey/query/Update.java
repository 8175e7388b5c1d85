package dev.osprey.query;

import java.util.Map;

/**
 * An UPDATE, built with {@link Sql#update}: {@code update(User.class).set(User_.COUNT,
 * User_.COUNT.plus(1)).where(User_.ID.eq(id))}. Running it gives the number of rows changed. An
 * update without {@link #where} is refused unless {@link #all()} says that every row is meant.
 * Immutable.
 *
 * @param <E> the entity
 */
public interface Update<E> extends Mutation {

    /** Sets {@code column} to {@code value} (bound; null allowed for nullable columns). */
    <T> Update<E> set(Column<E, T> column, T value);

    /** Sets {@code column} to an expression evaluated by the database, e.g. {@code User_.COUNT.plus(1)}. */
    <T> Update<E> set(Column<E, T> column, Expression<T> value);

    /** Sets {@code column} to NULL. */
    Update<E> setNull(Column<E, ?> column);

    /** Sets columns by field (or column) name, e.g. from a JSON patch; an unknown name is an {@link IllegalArgumentException}. */
    Update<E> set(Map<String, ?> changes);

    /** Adds conditions (AND). */
    Update<E> where(Predicate... conditions);

    /** Updates every row of the table: the explicit alternative to {@link #where}. */
    Update<E> all();
}
