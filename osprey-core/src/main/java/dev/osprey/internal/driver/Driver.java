package dev.osprey.internal.driver;

import dev.osprey.ConnectionCallback;
import dev.osprey.Row;
import dev.osprey.internal.sql.Dialect;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The execution SPI the layers above use: statements in, futures out. {@link JdbcDriver} runs
 * each call on a virtual thread over a HikariCP pool; a native non-blocking driver can implement
 * this without anything above changing. Every method returns at once; the returned future cancels
 * the running statement when cancelled. Implementations are thread-safe.
 */
public interface Driver extends AutoCloseable {

    /** The dialect of the database this driver talks to. */
    Dialect dialect();

    /** Runs one statement on a pooled connection in autocommit mode; gives rows affected. */
    CompletableFuture<Long> update(SqlStatement statement);

    /** Runs one statement on a pooled connection; gives the rows it returned, read into memory. */
    CompletableFuture<List<Row>> query(SqlStatement statement);

    /**
     * Runs one statement on a pooled connection (a SQLite reader when it is
     * {@link SqlStatement#readOnly() read-only}) and gives its rows, each made by {@code mapper} from
     * the row's raw values.
     */
    <T> CompletableFuture<List<T>> query(SqlStatement statement, RowMapper<T> mapper);

    /**
     * Runs {@code work} on one pooled connection, all its statements in {@code mode}. In
     * {@link Mode#TRANSACTION} they commit together when the work returns and roll back together when
     * it (or the commit) throws; the connection goes back to the pool in autocommit mode either way.
     * A {@link RuntimeException} thrown by the work fails the future as it is.
     */
    <T> CompletableFuture<T> run(Mode mode, StatementWork<T> work);

    /** How a {@link #run} call uses its connection. */
    enum Mode {
        /** Statements only read: any connection will do, a SQLite reader included; autocommit. */
        READ_ONLY,
        /**
         * As {@link #READ_ONLY}, for one read of at most one row by primary key: work known to take
         * microseconds, which SQLite may run on the caller's thread even when that pins the last carrier.
         */
        READ_BY_KEY,
        /** Statements may write, each committing on its own (a single statement is atomic by itself). */
        AUTOCOMMIT,
        /** Statements may write and commit together or not at all. */
        TRANSACTION
    }

    /**
     * A lease: one pooled connection held across several calls, with a transaction on it, for a
     * session. Nothing is borrowed until its first call. Returns at once.
     *
     * @param isolation        the transactions' isolation level
     * @param readOnly         whether the transactions only read (SQLite: a reader connection)
     * @param statementTimeout each statement's limit; {@link java.time.Duration#ZERO} for the configured one
     */
    Lease lease(dev.osprey.Isolation isolation, boolean readOnly, java.time.Duration statementTimeout);

    /** Runs blocking JDBC code on a pooled (writer) connection. */
    <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback);

    /** Connections currently lent out: zero when no work is running (the tests' leak check). */
    int activeConnections();

    /** The URL with its password masked, for messages. */
    String displayUrl();

    @Override
    void close();
}
