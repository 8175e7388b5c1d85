package dev.osprey.internal.driver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The future of one call, and the handle that stops its statements on the server. When the
 * future is completed by anyone but the worker ({@code cancel}, {@code complete},
 * {@code orTimeout}, ...) or the statement timeout fires, every statement the call is running is
 * cancelled: a JDBC {@link Statement} with {@link Statement#cancel()}, a statement without one (a
 * {@code COPY}) through its own {@link Running#cancel()}. Statements are registered and cancelled
 * under one lock, so a cancel can never reach a statement after the call has let go of it (and so never
 * hits the next user of the connection). A cancel that arrives just before the statement reaches
 * the server is ignored by the server, so cancelling repeats until the worker has let go, the
 * repeats through {@link Running#cancelAgain()} (pgjdbc ignores a second {@code cancel()}).
 *
 * <p>The call's work is {@linkplain #offer offered} to two takers, and whichever claims it first
 * runs it: the call thread started for it, or a thread that waits for the call before that thread
 * got to it (see {@link CallFuture}). A caller that does not wait loses nothing. Thread-safe.
 */
final class Operation<T> extends CallFuture<T> {
    private static final long RETRY_NANOS = Duration.ofMillis(50).toNanos();
    private static final long GIVE_UP_NANOS = Duration.ofMinutes(5).toNanos();

    /**
     * How long a call thread waits for the caller that offered the work to claim it, while that caller
     * runs. A caller usually reaches {@code join()} within microseconds of starting the call; a call
     * thread that ran the work first would make it park and be woken at the end, two thread switches that
     * cost more than a short read. The wait ends at once when the caller waits for anything (or ends), so
     * a caller that does not wait for its calls delays them by at most this while it keeps running.
     */
    private static final long CLAIM_WAIT_NANOS = 20_000;

    private static final VarHandle PENDING;

    static {
        try {
            PENDING = MethodHandles.lookup().findVarHandle(Operation.class, "pending", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link #inFlightSlot} of a call in {@link InFlight}'s overflow set. */
    static final int NO_SLOT = -1;

    /** Where {@link InFlight} holds this call; written by the thread that enters it, before anyone exits it. */
    int inFlightSlot = NO_SLOT;
    private final ReentrantLock lock = new ReentrantLock();
    /** The call's work until a thread claims it; accessed through {@link #PENDING}. */
    @SuppressWarnings("unused")
    private volatile Runnable pending;
    /** The thread that offered the work, until the call thread has looked at it. */
    private volatile Thread offeredBy;
    private final List<Running> running = new ArrayList<>(1);
    /** The work's result between the end of the work and the completion; touched by the worker only. */
    private T result;
    private boolean timedOut;
    private volatile boolean connectionLost;
    /** The statement timeout of this call, or null for the configured one (a session's own limit). */
    private volatile Duration statementTimeout;

    /** Gives this call's statements their own timeout ({@link Duration#ZERO}: none). */
    Operation<T> statementTimeout(Duration timeout) {
        this.statementTimeout = timeout;
        return this;
    }

    Duration statementTimeout() {
        return statementTimeout;
    }

    /** A statement running on the server for this call, which another thread may stop. */
    interface Running {
        /** Asks the server to stop it; may do network I/O. */
        void cancel() throws SQLException;

        /** Asks again, when the first cancel did not stop it; by default as the first time. */
        default void cancelAgain() throws SQLException {
            cancel();
        }

        /** Whether it is over for good (a closed JDBC statement), so that the call may forget it. */
        default boolean isClosed() {
            return false;
        }
    }

    /** How to ask again for a statement to stop (see {@link dev.osprey.internal.sql.Dialect#cancelAgain}). */
    @FunctionalInterface
    interface Canceller {
        void cancel(Statement statement) throws SQLException;
    }

    /** A JDBC statement as {@link Running}. */
    private record JdbcStatement(Statement statement, Canceller again) implements Running {
        @Override
        public void cancel() throws SQLException {
            statement.cancel();
        }

        @Override
        public void cancelAgain() throws SQLException {
            again.cancel(statement);
        }

        @Override
        public boolean isClosed() {
            try {
                return statement.isClosed();
            } catch (SQLException e) {
                return true;
            }
        }
    }

    /** {@code statement} as {@link Running}, cancelled again through {@code again}. */
    static Running running(Statement statement, Canceller again) {
        return new JdbcStatement(statement, again);
    }

    /** Registers a statement about to execute; throws if the call was cancelled already. */
    void begin(Running statement) {
        lock.lock();
        try {
            if (isDone()) {
                throw new CancellationException("the call was cancelled before its statement started");
            }
            running.add(statement);
        } finally {
            lock.unlock();
        }
    }

    /** Registers a statement created by user code ({@code withConnection}); closed ones are forgotten. */
    void track(Statement statement, Canceller again) {
        lock.lock();
        try {
            running.removeIf(Running::isClosed);
            running.add(running(statement, again));
            if (isDone()) {
                // The call ended (was cancelled) before user code made this statement: a single cancel
                // now would land before the statement runs and be ignored, so keep cancelling until
                // the work lets go.
                stopAsync();
            }
        } finally {
            lock.unlock();
        }
    }

    void end(Running statement) {
        lock.lock();
        try {
            for (int i = running.size() - 1; i >= 0; i--) {
                if (running.get(i) == statement) {   // by identity: a record's equals costs a chain of method handles
                    running.remove(i);
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The call's work is over: forget every statement, so nothing is cancelled any more. */
    void endAll() {
        lock.lock();
        try {
            running.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The statement timeout fired: cancel what runs and remember why. */
    void timeout() {
        Thread.startVirtualThread(() -> {
            lock.lock();
            try {
                if (running.isEmpty() || isDone()) {
                    return;
                }
                timedOut = true;
            } finally {
                lock.unlock();
            }
            stopUntilEnded();
        });
    }

    boolean timedOut() {
        lock.lock();
        try {
            return timedOut;
        } finally {
            lock.unlock();
        }
    }

    /** A statement of the call found its connection broken: it must not go back to the pool. */
    void connectionLost() {
        connectionLost = true;
    }

    boolean isConnectionLost() {
        return connectionLost;
    }

    /**
     * Offers the call's work to the call thread and to joining threads; the first to claim it runs it.
     * The thread offering it is usually the caller, about to wait for the call.
     */
    void offer(Runnable work) {
        offeredBy = Thread.currentThread();
        pending = work;
    }

    /**
     * Runs the offered work on this thread unless another thread claimed it; for the call thread. A call
     * thread that starts while the thread that offered the work is still running first gives that thread a
     * moment to claim it (see {@link #CLAIM_WAIT_NANOS}).
     */
    void runIfUnclaimed() {
        Thread by = offeredBy;
        offeredBy = null;
        if (by != null && by != Thread.currentThread()) {
            awaitClaim(by);
        }
        Runnable work = (Runnable) PENDING.getAndSet(this, null);
        if (work != null) {
            work.run();
        }
    }

    /**
     * Spins while the work is unclaimed and {@code by} is running, for at most {@link #CLAIM_WAIT_NANOS}.
     * Once {@code by} waits (parks, blocks) or ends without claiming, nobody else will soon, and the call
     * thread goes on at once. The state of a running virtual thread is read under a lock it takes itself
     * when it parks, so it is asked only now and then.
     */
    private void awaitClaim(Thread by) {
        long deadline = System.nanoTime() + CLAIM_WAIT_NANOS;
        for (int spins = 1; pending != null; spins++) {
            if ((spins & 63) == 0 && (System.nanoTime() - deadline > 0 || by.getState() != Thread.State.RUNNABLE)) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** Whether the offered work waits for a thread to claim it. */
    boolean unclaimed() {
        return pending != null;
    }

    /** Takes the offered work back unrun: whether it was still unclaimed. */
    boolean withdraw() {
        return PENDING.getAndSet(this, null) != null;
    }

    /** A thread waits for this call: it runs the work itself if nobody has claimed it yet. */
    @Override
    boolean help() {
        if (isDone() || Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (pending == null) {
            return super.help();   // not offered yet: help the call it waits for
        }
        Runnable work = (Runnable) PENDING.getAndSet(this, null);
        if (work == null) {
            return false;
        }
        work.run();
        return true;
    }

    /** Completion by the worker: does not cancel anything. */
    void succeed(T value) {
        super.complete(value);
    }

    /** Keeps the work's result until {@link #succeedWithResult()}; for the worker. */
    void result(T value) {
        result = value;
    }

    /** Completion by the worker with the result it kept. */
    void succeedWithResult() {
        T value = result;
        result = null;
        super.complete(value);
    }

    void fail(Throwable error) {
        super.completeExceptionally(error);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return stopIfWon(super.cancel(mayInterruptIfRunning));
    }

    @Override
    public boolean complete(T value) {
        return stopIfWon(super.complete(value));
    }

    @Override
    public boolean completeExceptionally(Throwable error) {
        return stopIfWon(super.completeExceptionally(error));
    }

    /** Someone other than the worker completed the call: its statements must stop. */
    private boolean stopIfWon(boolean won) {
        if (won) {
            stopAsync();
        }
        return won;
    }

    /** Statement.cancel may do network I/O (pgjdbc opens a connection): never on the caller's thread. */
    private void stopAsync() {
        Thread.startVirtualThread(this::stopUntilEnded);
    }

    private void stopUntilEnded() {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        boolean again = false;
        while (true) {
            lock.lock();
            try {
                if (running.isEmpty()) {
                    return;
                }
                cancelRunning(again);
                again = true;
            } finally {
                lock.unlock();
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            LockSupport.parkNanos(RETRY_NANOS);
        }
    }

    private void cancelRunning(boolean again) {
        for (Running statement : running) {
            try {
                if (again) {
                    statement.cancelAgain();
                } else {
                    statement.cancel();
                }
            } catch (SQLException | RuntimeException ignored) {
                // already finished or closed: nothing left to stop
            }
        }
    }
}
