package dev.osprey;

import dev.osprey.internal.engine.Engine;
import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.query.Select;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A connection pool to one database and the entry point to everything Osprey does with it.
 * Create one per database per application with {@link #connect(String)} and share it: a
 * {@code Database} is safe to use from any number of threads at once.
 *
 * <p>Every method that touches the database returns a {@link CompletableFuture} at once and runs
 * the work elsewhere: on PostgreSQL and MariaDB on a virtual thread per call, on SQLite on a small
 * dedicated pool of platform threads (its driver is native code, which would pin virtual threads).
 * Futures fail with an {@link OspreyException} subtype (wrapped in a {@code CompletionException}
 * by {@code join()}). Cancelling a returned future with {@code cancel(true)} cancels the running
 * statement on the server; the connection goes back to the pool in a clean state.
 *
 * <p>URLs:
 * <ul>
 *   <li>{@code sqlite:path/to/file.db} (created if missing; WAL journal, one writer connection and a
 *       pool of readers; query parameters are SQLite pragmas, e.g. {@code ?busy_timeout=5000}),
 *       {@code sqlite::memory:} (one private in-memory database, one connection)</li>
 *   <li>{@code postgresql://user:pass@host:port/db?param=value} (also {@code postgres://})</li>
 *   <li>{@code mysql://user:pass@host:port/db}, {@code mariadb://…} (MariaDB Connector/J)</li>
 *   <li>any {@code jdbc:} URL, passed to the driver as it is</li>
 * </ul>
 * Passwords with special characters are percent-encoded in the URL ({@code p%40ss} for {@code p@ss}).
 */
public interface Database extends AutoCloseable {

    /** Connects with {@link Config#defaults()}. */
    static Database connect(String url) {
        return connect(url, Config.defaults());
    }

    /**
     * Opens the pool and checks that one connection can be made, so that a bad URL, an
     * unreachable host or wrong credentials fail here rather than at the first query.
     *
     * @throws IllegalArgumentException    if the URL is malformed or its scheme unknown
     * @throws ConnectionFailedException   if no connection can be opened
     */
    static Database connect(String url, Config config) {
        return Engine.connect(url, config);
    }

    /**
     * Runs one SQL statement and gives the number of rows it changed. Positional parameters are
     * {@code ?}; values are always bound, never spliced into the SQL text.
     */
    CompletableFuture<Long> execute(String sql, Object... args);

    /** Like {@link #execute(String, Object...)} with named parameters: {@code :name} in the SQL, values by name. */
    CompletableFuture<Long> execute(String sql, Map<String, ?> params);

    /** Runs a query and gives all its rows. A statement that returns no rows gives an empty list. */
    CompletableFuture<List<Row>> query(String sql, Object... args);

    /** Like {@link #query(String, Object...)} with named parameters. */
    CompletableFuture<List<Row>> query(String sql, Map<String, ?> params);

    /**
     * Runs a query built with {@link dev.osprey.query.Sql} ({@code select(…)}, or an insert with
     * {@code returning}) on a pooled connection and gives all its rows. Mistakes in the statement that
     * need no database (no table to select from, a subquery of several columns) throw
     * {@link IllegalArgumentException} at once.
     */
    <R> CompletableFuture<Result<R>> execute(Query<R> query);

    /**
     * Runs an insert, update or delete built with {@link dev.osprey.query.Sql} and gives the number of
     * rows it inserted, changed or deleted. An insert of many rows runs in one transaction (all or
     * nothing) and sets generated ids on inserted entities. An update or delete without a where clause
     * and without {@code all()} throws {@link IllegalArgumentException} at once.
     */
    CompletableFuture<Long> execute(Mutation statement);

    /** {@link #execute(Query)}'s rows as a list: {@code db.scalars(select(User.class)).join()} gives {@code List<User>}. */
    <R> CompletableFuture<List<R>> scalars(Query<R> query);

    /** The first row of {@link #execute(Query)}, or {@code null} when there is none: {@code db.scalar(select(count()).from(User.class))}. */
    <R> CompletableFuture<R> scalar(Query<R> query);

    /** How many rows {@code select} returns ({@code SELECT COUNT(*) FROM (select)}), e.g. the total behind a page. */
    CompletableFuture<Long> count(Select<?> select);

    /**
     * Runs blocking JDBC code on a pooled connection, off the caller's thread, and gives its result.
     * The connection is returned to the pool whatever happens; a transaction the callback leaves
     * open is rolled back. An {@link java.sql.SQLException} from the callback is translated like any
     * other (e.g. to {@link IntegrityViolationException}). Cancelling the future cancels whatever
     * statement the callback is running. On SQLite the callback gets the writer connection.
     */
    <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback);

    /** A new {@link Session} with {@link SessionOptions#defaults()}. Close it (try-with-resources). */
    Session session();

    /** A factory of sessions that all use {@code options}: configure once, use everywhere. */
    SessionFactory sessions(SessionOptions options);

    /**
     * Runs {@code work} in a new session's transaction and gives its result after the commit. Any
     * failure rolls back. A {@link SerializationFailureException} (a serialization conflict or a
     * deadlock) rolls back and runs the whole work again in a fresh session, up to
     * {@link SessionOptions#maxRetries()} times with jittered exponential backoff: the work must be
     * safe to repeat.
     */
    <T> CompletableFuture<T> transaction(TransactionWork<T> work);

    /** {@link #transaction(TransactionWork)} with {@code options} (isolation, read-only, retries). */
    <T> CompletableFuture<T> transaction(SessionOptions options, TransactionWork<T> work);

    /** Creates and drops the tables of entities on this database, from their generated metamodels. */
    Schema schema();

    /**
     * Stops accepting work (later calls fail with {@link DatabaseClosedException}), lets running
     * work finish for up to {@link Config#closeTimeout()}, cancels what is still running, and closes
     * the pool. Calling it again does nothing.
     */
    @Override
    void close();
}
