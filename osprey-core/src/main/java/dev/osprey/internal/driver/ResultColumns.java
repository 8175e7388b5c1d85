package dev.osprey.internal.driver;

import java.sql.SQLException;

/**
 * The columns of the current row of a result, for a {@link RowMapper} that builds its rows straight
 * from them ({@link RowMapper#reader}) instead of from an array of raw values. Indexes are 0-based, in
 * select order. One per result, valid while the driver reads it; not thread-safe.
 */
public interface ResultColumns {
    /** How many columns each row has. */
    int count();

    /** Column {@code index} as the dialect reads it for the type the mapper asked for ({@link RowMapper#readAs}). */
    Object get(int index) throws SQLException;

    /** Column {@code index}, a whole number, as a {@code long}: 0 when it is NULL, which {@link #wasNull()} then tells. */
    long getLong(int index) throws SQLException;

    /** Whether the column read last was NULL. */
    boolean wasNull() throws SQLException;
}
