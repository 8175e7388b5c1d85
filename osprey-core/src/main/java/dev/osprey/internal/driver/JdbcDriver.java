package dev.osprey.internal.driver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.osprey.Config;
import dev.osprey.ConnectionCallback;
import dev.osprey.ConnectionFailedException;
import dev.osprey.ConnectionLostException;
import dev.osprey.DatabaseClosedException;
import dev.osprey.OspreyException;
import dev.osprey.PoolTimeoutException;
import dev.osprey.Row;
import dev.osprey.internal.sql.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Driver} over JDBC: each call runs on a virtual thread that borrows a connection from a
 * HikariCP pool, runs the statement, returns the connection, and only then completes the call's
 * future (so a caller that sees the result sees the connection back in the pool). A {@link #run}
 * call runs several statements on its one connection through a {@link JdbcStatementRunner}; every
 * statement Osprey sends goes through {@link JdbcExecution}, which observes, times and cancels it.
 * A connection whose statement found it broken is evicted rather than returned.
 *
 * <p>SQLite is different in two ways. Its JDBC driver is native code, which pins virtual threads,
 * so the JDBC work runs on the call's virtual thread only while a carrier stays free for others,
 * and on a platform thread otherwise ({@link NativeWorkers}); the waiting for a connection stays
 * on the virtual thread. And SQLite has one
 * writer at a time, so a file database gets a single writer connection, which every statement
 * that may write queues for, beside a pool of read-only connections for plain SELECTs; writers
 * therefore never meet SQLITE_BUSY from each other. Its connections are opened with
 * {@code case_sensitive_like}, so that LIKE tells case apart as on the other databases.
 *
 * <p>Thread-safe.
 */
public final class JdbcDriver implements Driver {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDriver.class);
    /** Unnamed: naming a thread per call showed in profiles. */
    private static final ThreadFactory CALLS = Thread.ofVirtual().factory();
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DatabaseUrl url;
    private final Config config;
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final NativeWorkers natives;
    private final CallGate<Queued<?>> writerGate;
    private final CallGate<Queued<?>> readerGate;
    private final SqliteStatementCache statementCache;
    private final JdbcExecution execution;
    private final InFlight inFlight = new InFlight();
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcDriver(DatabaseUrl url, Config config, Dialect dialect, HikariDataSource writer,
                       HikariDataSource reader, NativeWorkers natives) {
        this.url = url;
        this.config = config;
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.natives = natives;
        this.writerGate = gate(writer, natives);
        this.readerGate = reader == writer ? writerGate : gate(reader, natives);
        this.statementCache = url.kind().isSqlite() ? new SqliteStatementCache() : null;
        this.execution = new JdbcExecution(dialect, config);
    }

    /**
     * The gate of {@code pool}: as many slots as connections, except for SQLite, whose work must not run
     * on a connection from where another call ended (on a pinned carrier, or a platform thread), and for
     * which handing connections over at the gate rather than in the pool only made some runs of 64
     * callers on 8 connections slower (82k–195k reads/s against 199k–221k): it lets every call through.
     */
    private static CallGate<Queued<?>> gate(HikariDataSource pool, NativeWorkers natives) {
        return new CallGate<>(natives == null ? pool.getMaximumPoolSize() : Integer.MAX_VALUE);
    }

    /**
     * Opens the pool(s) for {@code url} and reads the server's version for the dialect.
     *
     * @throws ConnectionFailedException if no connection can be made
     */
    public static JdbcDriver open(DatabaseUrl url, Config config) {
        HikariDataSource writer = null;
        HikariDataSource reader = null;
        try {
            int poolNumber = POOLS.incrementAndGet();
            if (url.kind() == DatabaseUrl.Kind.SQLITE_FILE) {
                writer = pool(url, config, "osprey-" + poolNumber + "-writer", 1, 1, false);
                reader = pool(url, config, "osprey-" + poolNumber + "-reader", config.maxPoolSize(),
                        config.minIdle(), true);
            } else if (url.kind() == DatabaseUrl.Kind.SQLITE_MEMORY) {
                writer = pool(url, config, "osprey-" + poolNumber + "-memory", 1, 1, false);
                reader = writer;
            } else {
                writer = pool(url, config, "osprey-" + poolNumber, config.maxPoolSize(), config.minIdle(), false);
                reader = writer;
            }
            Dialect dialect;
            try (Connection c = writer.getConnection()) {
                dialect = Dialect.of(c.getMetaData());
            }
            if (dialect.sessionInitSql() != null && reader == writer) {
                // Known only once the server version is: reopen the pool with the session settings.
                writer.close();
                writer = pool(url, config, "osprey-" + poolNumber, config.maxPoolSize(), config.minIdle(), false,
                        dialect.sessionInitSql());
                reader = writer;
            }
            NativeWorkers natives = null;
            if (url.kind().isSqlite()) {
                int threads = reader == writer ? 1 : 1 + config.maxPoolSize();
                natives = new NativeWorkers(threads, "osprey-" + poolNumber + "-sqlite-");
            }
            return new JdbcDriver(url, config, dialect, writer, reader, natives);
        } catch (HikariPool.PoolInitializationException | SQLException | IllegalArgumentException e) {
            closeQuietly(reader, writer);
            Throwable cause = e instanceof HikariPool.PoolInitializationException && e.getCause() != null
                    ? e.getCause() : e;
            String state = cause instanceof SQLException s ? s.getSQLState() : null;
            throw new ConnectionFailedException("cannot connect to '" + url.masked() + "': " + describe(cause), state,
                    cause);
        } catch (RuntimeException e) {
            closeQuietly(reader, writer);
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseUrl url, Config config, String name, int max, int minIdle,
                                         boolean readOnly) {
        return pool(url, config, name, max, minIdle, readOnly, null);
    }

    private static HikariDataSource pool(DatabaseUrl url, Config config, String name, int max, int minIdle,
                                         boolean readOnly, String initSql) {
        var hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(url.jdbcUrl());
        if (url.kind().driverClass() != null) {
            hikari.setDriverClassName(url.kind().driverClass());
        }
        if (url.user() != null) {
            hikari.setUsername(url.user());
        }
        if (url.password() != null) {
            hikari.setPassword(url.password());
        }
        hikari.setDataSourceProperties(driverProperties(url, config));
        hikari.setMaximumPoolSize(max);
        hikari.setMinimumIdle(minIdle);
        hikari.setConnectionTimeout(config.acquireTimeout().toMillis());
        boolean memory = url.kind() == DatabaseUrl.Kind.SQLITE_MEMORY;
        // An in-memory SQLite database lives exactly as long as its one connection.
        hikari.setMaxLifetime(memory ? 0 : config.maxLifetime().toMillis());
        hikari.setIdleTimeout(memory ? 0 : config.idleTimeout().toMillis());
        hikari.setInitializationFailTimeout(1);
        hikari.setAutoCommit(true);
        hikari.setRegisterMbeans(false);
        if (readOnly) {
            hikari.setConnectionInitSql("PRAGMA query_only = 1");
        } else if (initSql != null) {
            hikari.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(hikari);
    }

    private static Properties driverProperties(DatabaseUrl url, Config config) {
        var properties = new Properties();
        switch (url.kind()) {
            case POSTGRESQL -> {
                properties.setProperty("reWriteBatchedInserts", "true");
                // Keep row values (DETAIL lines) out of exception messages and logs.
                properties.setProperty("logServerErrorDetail", "false");
                properties.setProperty("ApplicationName", "osprey");
            }
            case SQLITE_FILE, SQLITE_MEMORY -> {
                if (url.kind() == DatabaseUrl.Kind.SQLITE_FILE) {
                    properties.setProperty("journal_mode", "WAL");
                }
                properties.setProperty("foreign_keys", "true");
                // LIKE compares case as on PostgreSQL and MariaDB (utf8mb4_bin); SQLite folds ASCII case by default.
                properties.setProperty("case_sensitive_like", "true");
                properties.setProperty("busy_timeout", Long.toString(config.acquireTimeout().toMillis()));
                properties.putAll(url.properties());
            }
            default -> properties.putAll(url.properties());
        }
        return properties;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String displayUrl() {
        return url.masked();
    }

    @Override
    public int activeConnections() {
        int active = writer.getHikariPoolMXBean().getActiveConnections();
        return reader == writer ? active : active + reader.getHikariPoolMXBean().getActiveConnections();
    }

    // ---------------------------------------------------------------- calls

    @Override
    public CompletableFuture<Long> update(SqlStatement statement) {
        return submit(!statement.readOnly(), (connection, operation) ->
                execution.execute(operation, statement, connection::prepareStatement, true, ps -> {
                    execution.bind(ps, statement.binds());
                    return JdbcStatementRunner.updateCount(ps);
                }, rows -> rows));
    }

    @Override
    public CompletableFuture<List<Row>> query(SqlStatement statement) {
        return submit(!statement.readOnly(), (connection, operation) ->
                execution.execute(operation, statement, connection::prepareStatement, true, ps -> {
                    execution.bind(ps, statement.binds());
                    if (!ps.execute()) {
                        return List.<Row>of();
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        return execution.readRows(rs);
                    }
                }, List::size));
    }

    @Override
    public <T> CompletableFuture<List<T>> query(SqlStatement statement, RowMapper<T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return run(statement.readOnly() ? Mode.READ_ONLY : Mode.AUTOCOMMIT, runner -> runner.query(statement, mapper));
    }

    @Override
    public <T> CompletableFuture<T> run(Mode mode, StatementWork<T> work) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(work, "work");
        boolean read = mode == Mode.READ_ONLY || mode == Mode.READ_BY_KEY;
        return submit(!read, true, mode == Mode.READ_BY_KEY, (connection, operation) -> {
            try (var runner = new JdbcStatementRunner(execution, connection, operation, batchKeys(), kept(connection))) {
                return mode == Mode.TRANSACTION ? runner.inTransaction(work) : work.run(runner);
            }
        });
    }

    @Override
    public <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback) {
        if (callback == null) {
            throw new IllegalArgumentException("the callback must not be null");
        }
        // User code runs on a call thread, never on a thread that joins the call.
        return submit(true, false, false, (connection, operation) -> callback.apply(guarded(connection, operation)));
    }

    @Override
    public Lease lease(dev.osprey.Isolation isolation, boolean readOnly, Duration statementTimeout) {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        boolean sqlite = url.kind().isSqlite();
        HikariDataSource pool = readOnly && reader != writer ? reader : writer;
        return new JdbcLease(this, pool, sqlite ? -1 : jdbcIsolation(isolation), readOnly && !sqlite,
                statementTimeout.isZero() ? null : statementTimeout);
    }

    private static int jdbcIsolation(dev.osprey.Isolation isolation) {
        return switch (isolation) {
            case DEFAULT -> -1;
            case READ_COMMITTED -> Connection.TRANSACTION_READ_COMMITTED;
            case REPEATABLE_READ -> Connection.TRANSACTION_REPEATABLE_READ;
            case SERIALIZABLE -> Connection.TRANSACTION_SERIALIZABLE;
        };
    }

    // ---------------------------------------------------------------- for leases

    JdbcExecution execution() {
        return execution;
    }

    InFlight inFlight() {
        return inFlight;
    }

    /** {@code connection} as user code gets it: its statements are stopped with {@code operation}. */
    Connection guarded(Connection connection, Operation<?> operation) {
        return GuardedConnection.wrap(connection, operation, dialect::cancelAgain);
    }

    /** The statements kept across calls on {@code connection}'s physical connection (SQLite), or null. */
    SqliteStatementCache.Statements kept(Connection connection) throws SQLException {
        return statementCache == null ? null : statementCache.of(connection);
    }

    /** Whether the JDBC driver reports one generated key per row of a batch (sqlite-jdbc does not). */
    boolean batchKeys() {
        return !url.kind().isSqlite();
    }

    /**
     * Runs {@code work} where JDBC work runs: this virtual thread, or for SQLite, whose driver is
     * native code, wherever {@link NativeWorkers} says.
     */
    <T> T onWorker(Connection connection, Operation<T> operation, Work<T> work) throws Throwable {
        return natives == null ? work.run(connection, operation) : natives.call(() -> work.run(connection, operation));
    }

    /** Starts {@code task} on a new call thread. */
    static void startCall(Runnable task) {
        CALLS.newThread(task).start();
    }

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, Operation<T> operation) throws SQLException;
    }

    private <T> CompletableFuture<T> submit(boolean write, Work<T> work) {
        return submit(write, true, false, work);
    }

    /**
     * Starts a call. {@code helped}: a thread that joins the call may run its work (see {@link Operation});
     * {@code brief}: the work is known to take microseconds (see {@link NativeWorkers}).
     */
    private <T> CompletableFuture<T> submit(boolean write, boolean helped, boolean brief, Work<T> work) {
        var operation = new Operation<T>();
        if (!inFlight.enter(operation)) {
            return CompletableFuture.failedFuture(closedError());
        }
        try {
            Runnable call = () -> run(operation, write ? writer : reader, brief, helped, work);
            if (helped) {
                operation.offer(call);
                CallStarter.offered(operation);   // a caller that joins runs it; else a call thread
            } else {
                startCall(call);
            }
        } catch (RuntimeException | Error e) {
            if (!helped || operation.withdraw()) {
                inFlight.exit(operation);
            }
            throw e;
        }
        return operation;
    }

    /**
     * Runs a call: takes a slot at the pool's {@link CallGate} (or waits in its queue for another call
     * to run this one, or to hand it a slot), borrows a connection unless one was handed over, runs the
     * work, and passes the slot on. {@code servable}: the work is Osprey's own statements, which another
     * call may run on its connection; user code gets a connection handed over instead.
     */
    private <T> void run(Operation<T> operation, HikariDataSource pool, boolean brief, boolean servable,
                         Work<T> work) {
        boolean handedOff = false;
        CallGate<Queued<?>> gate = pool == writer ? writerGate : readerGate;
        Connection connection = null;
        boolean holdsSlot = false;
        try {
            if (operation.isDone()) {
                return;
            }
            if (!gate.enter()) {
                var waiter = gate.queue(servable ? new Queued<>(operation, work) : null, acquireDeadline());
                switch (waiter.await()) {
                    case SERVED -> {
                        return;
                    }
                    case TIMED_OUT -> {
                        operation.fail(poolTimeout(pool, null));
                        return;
                    }
                    case HANDED -> connection = waiter.connection();
                }
            }
            holdsSlot = true;
            if (operation.isDone()) {   // cancelled while it queued
                return;
            }
            if (connection == null) {
                try {
                    connection = pool.getConnection();
                } catch (SQLException e) {
                    operation.fail(acquireFailure(pool, e));
                    return;
                }
            }
            if (natives == null) {
                Connection held = connection;
                connection = null;
                holdsSlot = false;   // finish passes it on, whatever happens
                finish(operation, gate, pool, held, servable, work, NativeWorkers.NOTHING);
                return;
            }
            Connection held = connection;
            try {   // SQLite: here or on a platform thread, which then ends the call itself
                natives.dispatch(brief, nativeDone -> {
                    try {
                        finish(operation, gate, pool, held, servable, work, nativeDone);
                    } catch (Throwable t) {
                        operation.fail(t);
                    } finally {
                        inFlight.exit(operation);
                    }
                });
                connection = null;
                holdsSlot = false;
                handedOff = true;
            } catch (RuntimeException e) {
                operation.fail(e);
            }
        } catch (Throwable t) {
            operation.fail(t);
        } finally {
            if (holdsSlot) {
                passOn(gate, pool, connection);
            }
            if (!handedOff) {
                inFlight.exit(operation);
            }
        }
    }

    private long acquireDeadline() {
        return System.nanoTime() + config.acquireTimeout().toNanos();
    }

    /** A queued call's work, which a call ending before it runs on its connection. */
    private record Queued<T>(Operation<T> operation, Work<T> work) {
    }

    /** Runs a queued call on {@code connection} and ends it: the connection, or null if it went back. */
    private <T> Connection serve(Queued<T> queued, CallGate<Queued<?>> gate, HikariDataSource pool,
                                 Connection connection) {
        return runAndEnd(queued.operation(), gate, pool, connection, true, queued.work(), NativeWorkers.NOTHING);
    }

    /**
     * Runs {@code work} on this thread with the borrowed connection, calls {@code workDone}, ends the call
     * and passes the slot on with the connection.
     */
    private <T> void finish(Operation<T> operation, CallGate<Queued<?>> gate, HikariDataSource pool,
                            Connection connection, boolean clean, Work<T> work, Runnable workDone) {
        Connection held = connection;
        try {
            held = runAndEnd(operation, gate, pool, connection, clean, work, workDone);
        } finally {
            passOn(gate, pool, held);
        }
    }

    /**
     * Runs {@code work} with the connection and ends the call: the connection, or null if it went back to the
     * pool. It goes back before the call ends when no call queues for it, so that a caller that sees the
     * result sees the connection back; and when it broke, or user code ran on it ({@code clean} false), as
     * the pool then resets what the code changed before anyone else uses it.
     */
    private <T> Connection runAndEnd(Operation<T> operation, CallGate<Queued<?>> gate, HikariDataSource pool,
                                     Connection connection, boolean clean, Work<T> work, Runnable workDone) {
        Throwable failure = runWork(operation, connection, work, workDone);
        boolean broken = failure instanceof ConnectionLostException || operation.isConnectionLost();
        Connection held = connection;
        if (broken || !clean || gate.nobodyQueued()) {
            release(pool, connection, broken);
            held = null;
        }
        if (failure == null) {
            operation.succeedWithResult();
        } else {
            operation.fail(failure);
        }
        return held;
    }

    /** Runs the work and keeps its result in the operation until it ends; the failure, or null. */
    private <T> Throwable runWork(Operation<T> operation, Connection connection, Work<T> work, Runnable workDone) {
        try {
            operation.result(work.run(connection, operation));
            return null;
        } catch (Throwable t) {
            return t instanceof SQLException e ? execution.translate(e, null, operation) : t;
        } finally {
            operation.endAll();
            workDone.run();
        }
    }

    /**
     * Leaves the gate with a slot, and {@code connection} unless null: while calls queue, runs their work on
     * the connection (up to {@link CallGate#SERVE_LIMIT} of them), then hands the slot and the connection to
     * the next; else gives the connection back to the pool.
     */
    private void passOn(CallGate<Queued<?>> gate, HikariDataSource pool, Connection connection) {
        Connection held = connection;
        int served = 0;
        while (true) {
            if (held != null && gate.nobodyQueued()) {
                release(pool, held, false);
                held = null;
            }
            CallGate.Waiter<Queued<?>> next = gate.leave();
            if (next == null) {
                if (held != null) {
                    release(pool, held, false);
                }
                return;
            }
            Queued<?> queued = next.work();
            if (queued != null && queued.operation().isDone()) {
                next.served();   // cancelled while it queued
            } else if (queued != null && held != null && served < CallGate.SERVE_LIMIT) {
                served++;
                try {
                    held = serve(queued, gate, pool, held);
                } finally {
                    next.served();
                }
            } else {
                next.hand(held);
                return;
            }
        }
    }

    /**
     * Borrows a connection for a {@link JdbcLease}, queueing at the pool's gate behind the calls before it;
     * the lease gives it back with {@link #giveBack}.
     *
     * @throws OspreyException if no connection became free in time, or none could be opened
     */
    Connection borrow(HikariDataSource pool) {
        CallGate<Queued<?>> gate = pool == writer ? writerGate : readerGate;
        if (!gate.enter()) {
            var waiter = gate.queue(null, acquireDeadline());
            switch (waiter.await()) {
                case TIMED_OUT -> throw poolTimeout(pool, null);
                case SERVED -> throw new IllegalStateException("a lease was served, not handed a connection");
                case HANDED -> {
                    if (waiter.connection() != null) {
                        return waiter.connection();
                    }
                }
            }
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            passOn(gate, pool, null);
            throw acquireFailure(pool, e);
        } catch (RuntimeException | Error e) {
            passOn(gate, pool, null);
            throw e;
        }
    }

    /**
     * Gives a lease's connection back to the pool, which resets what the lease changed (isolation, read-only),
     * and passes its slot at the gate on.
     */
    void giveBack(HikariDataSource pool, Connection connection, boolean broken) {
        release(pool, connection, broken);
        passOn(pool == writer ? writerGate : readerGate, pool, null);
    }

    /** An acquire timeout as {@link PoolTimeoutException}; {@code cause} from HikariCP, or null for Osprey's queue. */
    private PoolTimeoutException poolTimeout(HikariDataSource pool, SQLException cause) {
        int size = pool.getHikariConfigMXBean().getMaximumPoolSize();
        return new PoolTimeoutException("no connection became free within " + config.acquireTimeout().toMillis()
                + " ms: all " + size + " connection(s) of the pool for '" + url.masked() + "' are in use", cause);
    }

    /**
     * Returns the connection to the pool. A connection that broke is evicted, so the next call
     * gets a healthy one; HikariCP rolls back a transaction left open and resets changed state.
     */
    static void release(HikariDataSource pool, Connection connection, boolean broken) {
        if (broken) {
            pool.evictConnection(connection);   // closes the physical connection at once, as it is in use
            try {
                connection.close();   // ends the proxy; HikariCP may fail resetting a connection it closed
            } catch (SQLException | RuntimeException e) {
                LOG.debug("closing an evicted connection failed", e);
            }
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("returning a connection to the pool failed; it is discarded", e);
            pool.evictConnection(connection);
        }
    }

    OspreyException acquireFailure(HikariDataSource pool, SQLException e) {
        if (pool.isClosed() || inFlight.isClosed()) {
            return closedError();
        }
        if (e instanceof SQLTransientConnectionException) {
            if (e.getCause() != null) {
                return new ConnectionLostException("cannot open a connection to '" + url.masked() + "': "
                        + describe(e.getCause()), e.getSQLState(), null, e);
            }
            return poolTimeout(pool, e);
        }
        return dialect.translate(e, null);
    }

    DatabaseClosedException closedError() {
        return new DatabaseClosedException("the database '" + url.masked() + "' is closed");
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Operation<?>> unfinished = inFlight.close(config.closeTimeout());
        if (!unfinished.isEmpty()) {
            LOG.warn("closing '{}': cancelling {} call(s) still running after {} ms", url.masked(), unfinished.size(),
                    config.closeTimeout().toMillis());
            for (Operation<?> operation : unfinished) {
                operation.cancel(true);
            }
            inFlight.await(CANCEL_GRACE);
        }
        closeQuietly(reader, writer);
        if (natives != null) {
            natives.shutdown();
        }
        execution.close();
    }

    private static void closeQuietly(HikariDataSource reader, HikariDataSource writer) {
        if (reader != null && reader != writer) {
            reader.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return "JdbcDriver[" + url.masked() + ", " + dialect + "]";
    }
}
