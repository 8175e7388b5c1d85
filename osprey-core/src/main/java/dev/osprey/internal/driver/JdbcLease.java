package dev.osprey.internal.driver;

import com.zaxxer.hikari.HikariDataSource;
import dev.osprey.ConnectionLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The {@link Lease} of the {@link JdbcDriver}: a FIFO of calls, each run on a call thread of its
 * own (JDBC work on SQLite's platform thread) once the call before it has ended, all on the one
 * connection borrowed by the first. The connection fields are touched only by the call running
 * now; the FIFO's completion chain orders those touches. Thread-safe.
 */
final class JdbcLease implements Lease {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcLease.class);
    private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final JdbcDriver driver;
    private final HikariDataSource pool;
    private final int isolation;
    private final boolean readOnly;
    private final Duration statementTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    // touched only by the running call
    private Connection connection;
    private boolean lost;
    private volatile boolean holds;

    /**
     * @param isolation        a {@code Connection.TRANSACTION_*} level, or -1 for the connection's own
     * @param readOnly         whether to mark the connection read-only (not for SQLite, whose readers are)
     * @param statementTimeout the statements' own limit, or null for the configured one
     */
    JdbcLease(JdbcDriver driver, HikariDataSource pool, int isolation, boolean readOnly, Duration statementTimeout) {
        this.driver = driver;
        this.pool = pool;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.statementTimeout = statementTimeout;
    }

    @Override
    public boolean holdsConnection() {
        return holds;
    }

    @Override
    public <T> CompletableFuture<T> run(LeaseWork<T> work) {
        Objects.requireNonNull(work, "work");
        return submit(operation -> work(operation, work));
    }

    @Override
    public CompletableFuture<Void> commit() {
        return submit(operation -> finish(operation, true));
    }

    @Override
    public CompletableFuture<Void> rollback() {
        return submit(operation -> finish(operation, false));
    }

    /** Queues a call behind the previous one. */
    private <T> CompletableFuture<T> submit(java.util.function.Consumer<Operation<T>> call) {
        Operation<T> operation = new Operation<T>().statementTimeout(statementTimeout);
        if (!driver.inFlight().enter(operation)) {
            return CompletableFuture.failedFuture(driver.closedError());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        lock.lock();
        try {
            previous = tail;
            tail = done;
        } finally {
            lock.unlock();
        }
        previous.whenComplete((ignored, error) -> JdbcDriver.startCall(() -> {
            try {
                call.accept(operation);
            } catch (Throwable t) {
                operation.fail(t);
            } finally {
                done.complete(null);
                driver.inFlight().exit(operation);
            }
        }));
        return operation;
    }

    private <T> void work(Operation<T> operation, LeaseWork<T> work) {
        if (operation.isDone()) {
            return;   // cancelled while it waited for its turn
        }
        if (lost) {
            operation.fail(new ConnectionLostException("the session's connection was lost; roll back to go on",
                    null, null, null));
            return;
        }
        if (connection == null) {
            try {
                connection = pool.getConnection();
            } catch (SQLException e) {
                operation.fail(driver.acquireFailure(pool, e));
                return;
            }
            holds = true;
            try {
                driver.onWorker(connection, operation, (c, o) -> {
                    begin(c);
                    return null;
                });
            } catch (Throwable t) {
                operation.fail(t instanceof SQLException e ? driver.execution().translate(e, null, operation) : t);
                giveBack(true);
                return;
            }
        }
        T result = null;
        Throwable failure = null;
        try {
            result = driver.onWorker(connection, operation, (c, o) -> {
                try (var runner = new JdbcStatementRunner(driver.execution(), c, o, driver.batchKeys())) {
                    return work.run(new Leased(runner, c, o));
                }
            });
        } catch (Throwable t) {
            failure = t instanceof SQLException e ? driver.execution().translate(e, null, operation) : t;
        } finally {
            operation.endAll();
        }
        if (failure instanceof ConnectionLostException || operation.isConnectionLost()) {
            lost = true;
            giveBack(true);
        }
        if (failure == null) {
            operation.succeed(result);
        } else {
            operation.fail(failure);
        }
    }

    private void begin(Connection c) throws SQLException {
        if (isolation >= 0) {
            c.setTransactionIsolation(isolation);
        }
        if (readOnly) {
            c.setReadOnly(true);
        }
        c.setAutoCommit(false);
    }

    /** Commits or rolls back, and gives the connection back. Runs even when the call was cancelled. */
    private void finish(Operation<Void> operation, boolean commit) {
        if (connection == null) {
            if (!commit) {
                lost = false;
            }
            operation.succeed(null);
            return;
        }
        boolean[] broken = {false};
        Throwable failure = null;
        try {
            driver.onWorker(connection, operation, (c, o) -> {
                try {
                    if (commit) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                } catch (SQLException e) {
                    if (commit) {
                        try {
                            c.rollback();
                        } catch (SQLException | RuntimeException again) {
                            e.addSuppressed(again);
                            broken[0] = true;
                        }
                    } else {
                        broken[0] = true;
                    }
                    throw e;
                } finally {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException | RuntimeException e) {
                        LOG.debug("restoring autocommit failed; the connection is discarded", e);
                        broken[0] = true;
                    }
                }
                return null;
            });
        } catch (Throwable t) {
            failure = t instanceof SQLException e ? driver.execution().translate(e, null, operation) : t;
        } finally {
            operation.endAll();
        }
        giveBack(broken[0] || operation.isConnectionLost() || failure instanceof ConnectionLostException);
        lost = false;
        if (failure == null || !commit && broken[0]) {
            operation.succeed(null);   // a rollback that broke the connection still ended the transaction
        } else {
            operation.fail(failure);
        }
    }

    private void giveBack(boolean broken) {
        Connection held = connection;
        connection = null;
        holds = false;
        if (held != null) {
            JdbcDriver.release(pool, held, broken);
        }
    }

    /** The statements of one call plus savepoints. */
    private static final class Leased implements LeasedConnection {
        private final JdbcStatementRunner runner;
        private final Connection connection;
        private final Operation<?> operation;

        Leased(JdbcStatementRunner runner, Connection connection, Operation<?> operation) {
            this.runner = runner;
            this.connection = connection;
            this.operation = operation;
        }

        @Override
        public dev.osprey.internal.sql.Dialect dialect() {
            return runner.dialect();
        }

        @Override
        public long update(SqlStatement statement) {
            return runner.update(statement);
        }

        @Override
        public <T> List<T> query(SqlStatement statement, RowMapper<T> mapper) {
            return runner.query(statement, mapper);
        }

        @Override
        public BatchResult batch(String sql, List<List<Object>> rows, String keyColumn) {
            return runner.batch(sql, rows, keyColumn);
        }

        @Override
        public int preparedStatements() {
            return runner.preparedStatements();
        }

        @Override
        public void savepoint(String name) {
            runner.update(new SqlStatement("SAVEPOINT " + checked(name), List.of(), false));
        }

        @Override
        public void rollbackToSavepoint(String name) {
            runner.update(new SqlStatement("ROLLBACK TO SAVEPOINT " + checked(name), List.of(), false));
        }

        @Override
        public void releaseSavepoint(String name) {
            runner.update(new SqlStatement("RELEASE SAVEPOINT " + checked(name), List.of(), false));
        }

        @Override
        public Connection jdbc() {
            return GuardedConnection.wrap(connection, operation);
        }

        private static String checked(String name) {
            if (name == null || !SAVEPOINT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a savepoint name: " + name);
            }
            return name;
        }
    }
}
