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

    /** Runs blocking JDBC code on a pooled (writer) connection. */
    <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback);

    /** Connections currently lent out: zero when no work is running (the tests' leak check). */
    int activeConnections();

    /** The URL with its password masked, for messages. */
    String displayUrl();

    @Override
    void close();
}
