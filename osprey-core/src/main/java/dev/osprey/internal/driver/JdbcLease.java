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
 * The {@link Lease} of the {@link JdbcDriver}: a FIFO of calls, each run once the call before it
 * has ended, on a call thread of its own or on a thread that waits for it ({@link CallFuture}), all
 * on the one connection borrowed by the first. The connection fields are touched only by the call running
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
    /** The last call queued: a thread waiting for a later call helps it first. */
    private CompletableFuture<?> tailCall = tail;
    /** The thread running calls of this lease in {@link #runCalls}, or null. */
    private volatile CallThread callThread;

    // touched only by the running call
    private Connection connection;
    private boolean inTransaction;
    private boolean changed;
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
            operation.waitsOn(tailCall);
            tailCall = operation;
        } finally {
            lock.unlock();
        }
        if (previous.isDone()) {
            ready(operation, call, done);   // nothing runs on the connection: no stage to wait on it
        } else {
            previous.whenComplete((ignored, error) -> ready(operation, call, done));
        }
        return operation;
    }

    /** Offers a call once the one before it has ended. */
    private <T> void ready(Operation<T> operation, java.util.function.Consumer<Operation<T>> call,
                           CompletableFuture<Void> done) {
        operation.offer(() -> runCalls(operation, call, done));
        CallThread current = callThread;
        if (current != null && current.thread == Thread.currentThread()) {
            current.next = operation;   // the thread ending the call before runs this one next
        } else {
            CallStarter.offered(operation);   // a waiting caller runs it; else a call thread
        }
    }

    /**
     * Runs a call's work on the thread that claimed it (its call thread, or a caller waiting for it), then
     * each call that became ready while this thread ended the one before ({@link CallThread#next}). A
     * session's next call is usually queued by the callbacks of the one before (read, then commit), and
     * running it here spares a thread start and, more to the point, the wait for one while the connection
     * sits idle between the two. Completing a future runs its callbacks on the completing thread anyway.
     */
    private <T> void runCalls(Operation<T> operation, java.util.function.Consumer<Operation<T>> call,
                              CompletableFuture<Void> done) {
        CallThread current = callThread;
        if (current != null && current.thread == Thread.currentThread()) {
            runCall(operation, call, done);   // handed over: the loop below, further up this stack, goes on
            return;
        }
        var self = new CallThread(Thread.currentThread());
        callThread = self;
        try {
            runCall(operation, call, done);
            for (Operation<?> next = self.next; next != null; next = self.next) {
                self.next = null;
                next.runIfUnclaimed();
            }
        } finally {
            if (callThread == self) {
                callThread = null;
            }
        }
    }

    private <T> void runCall(Operation<T> operation, java.util.function.Consumer<Operation<T>> call,
                             CompletableFuture<Void> done) {
        try {
            call.accept(operation);
        } catch (Throwable t) {
            operation.fail(t);
        } finally {
            done.complete(null);   // the next call becomes ready, here
            driver.inFlight().exit(operation);
        }
    }

    /** The thread running this lease's calls now, and the call that became ready for it to run next. */
    private static final class CallThread {
        final Thread thread;
        Operation<?> next;   // touched by this thread only

        CallThread(Thread thread) {
            this.thread = thread;
        }
    }

    @Override
    public <T> CompletableFuture<T> commit(LeaseWork<T> last) {
        Objects.requireNonNull(last, "last");
        return submit(operation -> commitWith(operation, last));
    }

    private <T> void work(Operation<T> operation, LeaseWork<T> work) {
        if (!usable(operation)) {
            return;
        }
        boolean fresh = connection == null;
        if (fresh && !acquire(operation, true)) {
            return;
        }
        Outcome<T> outcome = runWork(operation, work, fresh);
        if (outcome.failure() == null) {
            operation.succeed(outcome.result());
        } else {
            operation.fail(outcome.failure());
        }
    }

    /**
     * Runs {@code last}, then commits. When no transaction is open yet (and the lease is not read-only)
     * {@code last} starts on a connection in autocommit mode: one statement needs no transaction
     * around it, and work of several statements {@linkplain LeasedConnection#begin() begins} one. When
     * {@code last} fails in a transaction that was open before, nothing is ended: the caller undoes
     * what it needs (to a savepoint, or the whole transaction).
     */
    private <T> void commitWith(Operation<T> operation, LeaseWork<T> last) {
        if (!usable(operation)) {
            return;
        }
        boolean fresh = connection == null;
        boolean autocommit = fresh && !readOnly;
        if (fresh && !acquire(operation, !autocommit)) {
            return;
        }
        Outcome<T> outcome = runWork(operation, last, fresh);
        Throwable failure = outcome.failure();
        if (connection == null) {   // lost, and given back
            operation.fail(failure);
            return;
        }
        if (failure != null) {
            if (autocommit) {
                if (inTransaction) {
                    end(operation, false);   // rolls back what last began, gives the connection back
                } else {
                    giveBack(false);
                }
            }
            operation.fail(failure);
            return;
        }
        T result = outcome.result();
        if (!inTransaction) {
            giveBack(false);   // one statement in autocommit mode: already committed
            operation.succeed(result);
            return;
        }
        Throwable commitFailure = end(operation, true);
        if (commitFailure == null) {
            operation.succeed(result);
        } else {
            operation.fail(commitFailure);
        }
    }

    /** Whether a call may go on; fails it when the connection was lost. */
    private boolean usable(Operation<?> operation) {
        if (operation.isDone()) {
            return false;   // cancelled while it waited for its turn
        }
        if (lost) {
            operation.fail(new ConnectionLostException("the session's connection was lost; roll back to go on",
                    null, null, null));
            return false;
        }
        return true;
    }

    /** Borrows the connection, and begins a transaction on it when {@code begin}; fails the call if it cannot. */
    private boolean acquire(Operation<?> operation, boolean begin) {
        try {
            connection = driver.borrow(pool);
        } catch (RuntimeException e) {
            operation.fail(e);
            return false;
        }
        holds = true;
        if (!begin) {
            return true;
        }
        try {
            driver.onWorker(connection, operation, (c, o) -> {
                begin(c);
                return null;
            });
            return true;
        } catch (Throwable t) {
            operation.fail(t instanceof SQLException e ? driver.execution().translate(e, null, operation) : t);
            giveBack(true);
            return false;
        }
    }

    /** What a call's work gave: its result, or its failure. */
    private record Outcome<T>(T result, Throwable failure) {
    }

    /** Runs {@code work} on the held connection; a lost connection is given back. */
    private <T> Outcome<T> runWork(Operation<T> operation, LeaseWork<T> work, boolean fresh) {
        T result = null;
        Throwable failure = null;
        try {
            result = driver.onWorker(connection, operation, (c, o) -> {
                try (var runner = new JdbcStatementRunner(driver.execution(), c, o, driver.batchKeys(), driver.kept(c))) {
                    return work.run(new Leased(runner, c, o, fresh));
                }
            });
        } catch (Throwable t) {
            failure = t instanceof SQLException e ? driver.execution().translate(e, null, operation) : t;
        } finally {
            operation.endAll();
        }
        if (failure instanceof ConnectionLostException || operation.isConnectionLost()) {
            lost = true;
            inTransaction = false;
            giveBack(true);
        }
        return new Outcome<>(result, failure);
    }

    private void begin(Connection c) throws SQLException {
        if (isolation >= 0) {
            c.setTransactionIsolation(isolation);
        }
        if (readOnly) {
            c.setReadOnly(true);
        }
        driver.execution().transactions().begin(c);
        inTransaction = true;
        changed = false;
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
        Throwable failure = end(operation, commit);
        lost = false;
        if (failure == null) {
            operation.succeed(null);
        } else {
            operation.fail(failure);
        }
    }

    /**
     * Ends the transaction on the held connection and gives the connection back: the failure of a
     * commit (after which it is rolled back), or null. A rollback that broke the connection still
     * ended the transaction, so it counts as done.
     */
    private Throwable end(Operation<?> operation, boolean commit) {
        boolean[] broken = {false};
        Throwable failure = null;
        TransactionControl transactions = driver.execution().transactions();
        try {
            driver.onWorker(connection, operation, (c, o) -> {
                try {
                    if (commit) {
                        transactions.commit(c);
                    } else {
                        transactions.rollback(c);
                    }
                } catch (SQLException e) {
                    if (commit) {
                        try {
                            transactions.rollback(c);
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
                        transactions.restore(c);
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
        inTransaction = false;
        giveBack(broken[0] || operation.isConnectionLost() || failure instanceof ConnectionLostException);
        return !commit && broken[0] ? null : failure;
    }

    private void giveBack(boolean broken) {
        Connection held = connection;
        connection = null;
        holds = false;
        if (held != null) {
            driver.giveBack(pool, held, broken);
        }
    }

    /** The statements of one call plus savepoints. */
    private final class Leased implements LeasedConnection {
        private final JdbcStatementRunner runner;
        private final Connection connection;
        private final Operation<?> operation;
        private final boolean fresh;

        Leased(JdbcStatementRunner runner, Connection connection, Operation<?> operation, boolean fresh) {
            this.runner = runner;
            this.connection = connection;
            this.operation = operation;
            this.fresh = fresh;
        }

        @Override
        public boolean inTransaction() {
            return inTransaction;
        }

        @Override
        public boolean fresh() {
            return fresh;
        }

        @Override
        public boolean changedAnything() {
            return changed;
        }

        @Override
        public void begin() throws SQLException {
            if (!inTransaction) {
                JdbcLease.this.begin(connection);
            }
        }

        @Override
        public dev.osprey.internal.sql.Dialect dialect() {
            return runner.dialect();
        }

        @Override
        public long update(SqlStatement statement) {
            changed = true;
            return runner.update(statement);
        }

        @Override
        public <T> List<T> query(SqlStatement statement, RowMapper<T> mapper) {
            if (!statement.readOnly()) {
                changed = true;   // INSERT ... RETURNING, SELECT ... FOR UPDATE
            }
            return runner.query(statement, mapper);
        }

        @Override
        public BatchResult batch(String sql, List<Object> values, int rows, String keyColumn) {
            changed = true;
            return runner.batch(sql, values, rows, keyColumn);
        }

        @Override
        public long copy(String sql, List<Object> values, int width) {
            changed = true;
            return runner.copy(sql, values, width);
        }

        @Override
        public int preparedStatements() {
            return runner.preparedStatements();
        }

        @Override
        public void savepoint(String name) {
            runner.control("SAVEPOINT " + checked(name));
        }

        @Override
        public void rollbackToSavepoint(String name) {
            runner.control("ROLLBACK TO SAVEPOINT " + checked(name));
        }

        @Override
        public void releaseSavepoint(String name) {
            runner.control("RELEASE SAVEPOINT " + checked(name));
        }

        @Override
        public Connection jdbc() {
            return driver.guarded(connection, operation);
        }

        private static String checked(String name) {
            if (name == null || !SAVEPOINT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a savepoint name: " + name);
            }
            return name;
        }
    }
}
