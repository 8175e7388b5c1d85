package dev.osprey.internal.sql;

import java.sql.SQLException;
import java.util.List;

/**
 * Rows streamed into a table through a database's own bulk-load protocol ({@code COPY … FROM STDIN}
 * on PostgreSQL) on one connection: what {@link Dialect#bulkLoad} gives where the dialect's
 * {@link Dialect#bulkInsertStyle()} is {@link Dialect.BulkInsertStyle#COPY}. Not thread-safe, except
 * {@link #cancel()}, which another thread calls to stop the load in progress.
 */
public interface BulkLoad {

    /**
     * Runs {@code sql}, a {@code COPY} of the columns the values are for, and sends {@code values} to
     * it in chunks, row after row, {@code width} values a row, each stored as {@link Dialect#bind} would
     * store it; gives the rows stored. When it fails, the copy is ended on the server and the
     * connection stays usable (unless it broke).
     *
     * @throws IllegalArgumentException for a value of a type {@link Dialect#bind} does not bind either
     */
    long load(String sql, List<Object> values, int width) throws SQLException;

    /** Asks the server to stop the load that runs now; called from another thread. */
    void cancel() throws SQLException;
}
