package dev.osprey.internal.driver;

import dev.osprey.internal.sql.Dialect;

import java.util.List;

/**
 * The statements of one call on one connection, as a small blocking API for a {@link StatementWork}.
 * Every statement runs the way single calls do: listeners see it, the statement timeout covers it,
 * cancelling the call's future cancels it, and its errors arrive translated (an
 * {@link dev.osprey.OspreyException}, thrown). A statement whose SQL text ran before in the same call
 * reuses that call's {@code PreparedStatement}. Whether the statements form one transaction is
 * decided by the call's {@link Driver.Mode}, not here.
 *
 * <p>Not thread-safe: it belongs to the worker running the call, and is unusable once the work has
 * returned.
 */
public interface StatementRunner {

    /** The dialect of the connection's database. */
    Dialect dialect();

    /** Runs one statement; gives the rows it changed (or, for a statement that returns rows, how many it returned). */
    long update(SqlStatement statement);

    /** Runs one statement and gives the rows it returned, each made by {@code mapper}. */
    <T> List<T> query(SqlStatement statement, RowMapper<T> mapper);

    /**
     * Runs {@code sql} once for each of {@code rows} rows, as one JDBC batch: {@code values} holds the
     * rows' values one after another, as many for each (none for a row of defaults), as they are bound. With {@code keyColumn} (may be null) it reads the
     * values the database generated for that column: how inserts get their ids where there is no
     * {@code RETURNING}. Listeners see the batch as one statement whose binds are {@code values}. A
     * statement whose count the driver does not report counts as one row. In autocommit mode a batch is
     * not atomic: run it in a {@link Driver.Mode#TRANSACTION transaction} when several rows must be
     * stored together.
     *
     * @throws IllegalArgumentException if {@code rows} is not positive or the values do not divide among them
     */
    BatchResult batch(String sql, List<Object> values, int rows, String keyColumn);

    /**
     * Stores rows with {@code sql}, a {@code COPY … FROM STDIN} of their columns, through the dialect's
     * bulk load (only where its {@link Dialect#bulkInsertStyle()} is
     * {@link Dialect.BulkInsertStyle#COPY COPY}): {@code values} holds the rows one after another,
     * {@code width} values each, as they are bound. It is one statement, atomic on its own; listeners
     * see it with the values as its binds. Gives the rows stored.
     */
    long copy(String sql, List<Object> values, int width);

    /**
     * How many distinct {@code PreparedStatement}s this call has used so far, prepared by it or kept from
     * calls before (statements repeated in it reuse theirs).
     */
    int preparedStatements();
}
