package dev.osprey.query;

import java.util.Map;

/**
 * An INSERT of one or many rows, built with {@link Sql#insert}. Each {@code values} call adds
 * rows; rows are inserted in the order given. Many rows become multi-row INSERTs sized to the
 * database's bind-parameter limit, or, when no generated id has to come back, the database's own
 * bulk way ({@code COPY} on PostgreSQL, one batch on MariaDB); either way all rows are stored or
 * none. Generated ids are set on inserted entities (not for upserts; use {@link #returning} there).
 * Immutable.
 *
 * @param <E> the entity
 */
public interface Insert<E> extends Mutation {

    /** Adds one entity. Its generated id, when null, is assigned by the database and set on it. */
    Insert<E> values(E entity);

    /**
     * Adds one row given as field (or column) names and values. Missing names get the column's
     * default; an unknown name is an {@link IllegalArgumentException} naming it and the entity.
     */
    Insert<E> values(Map<String, ?> row);

    /** Adds many rows: entities or maps, or a mix. */
    Insert<E> values(Iterable<?> rows);

    /**
     * Makes this an upsert: what to do when a row would break the uniqueness of {@code target}
     * (PostgreSQL and SQLite {@code ON CONFLICT}; MariaDB {@code ON DUPLICATE KEY UPDATE}, which
     * reacts to any unique key, whatever the target).
     */
    OnConflict<E> onConflict(Column<E, ?>... target);

    /** Returns {@code column} of each inserted row: {@code db.scalars(insert(…).values(…).returning(User_.ID))}. */
    <T> Query<T> returning(Column<E, T> column);

    /** Returns several columns of each inserted row as {@link Tuple}s. */
    Query<Tuple> returning(Column<E, ?> first, Column<E, ?>... more);

    /** The choice after {@link #onConflict}. */
    interface OnConflict<E> {
        /** Skips conflicting rows. */
        Insert<E> doNothing();

        /** Overwrites {@code columns} of the existing row with the values that were to be inserted. */
        Insert<E> doUpdate(Column<E, ?>... columns);

        /**
         * Updates the existing row with {@code assignments}; {@link Sql#excluded(Column)} refers to
         * the value that was to be inserted: {@code set(User_.COUNT, User_.COUNT.plus(excluded(User_.COUNT)))}.
         */
        Insert<E> doUpdate(Assignment<E> first, Assignment<E>... more);
    }
}
