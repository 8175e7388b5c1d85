package dev.osprey.internal.driver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets at most as many calls at a time borrow connections from a pool as the pool has connections; the
 * calls beyond that queue here. A call that ends while calls queue keeps its connection and runs the
 * next queued call's work on it (up to {@link #SERVE_LIMIT} of them), then hands the connection itself
 * to the next queued call.
 *
 * <p>Why: with more callers than connections, a pool hands each connection from one parked caller to the
 * next, and the connection sits idle while the next one wakes up; with 64 callers on 8 connections that
 * cost raw JDBC on HikariCP 30–45 % of its rate. Here the connection goes straight on to the next
 * statement, and the caller whose work ran is woken once, to find its result, as it would be anyway.
 *
 * <p>The count {@code demand} is every call inside the gate, running or queued. A call entering sees
 * it below the pool size and runs, or queues; a call leaving that still sees the pool size or more takes
 * the next queued call as its own. So exactly {@code min(demand, slots)} calls hold a slot, and every
 * queued call is taken by a leaving one. A queued call gives up after its deadline unless it was taken.
 *
 * <p>Queued calls park without a timeout: on a virtual thread every timed park arms and cancels a timer
 * of the scheduler, whose thread then woke for every queued call (a twelfth of the client's CPU with 64
 * callers on 8 connections). One watcher per gate, a virtual thread that runs while calls queue, gives
 * up the calls whose deadline has passed instead, and sleeps until the next deadline.
 *
 * <p>Thread-safe.
 */
final class CallGate<W> {
    /** Queued calls one connection runs before it is handed on, so that its own caller is not held up for long. */
    static final int SERVE_LIMIT = 16;

    private final int slots;
    private final AtomicInteger demand = new AtomicInteger();
    private final ConcurrentLinkedQueue<Waiter<W>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean watching = new AtomicBoolean();

    /** @param slots the number of connections of the pool; {@link Integer#MAX_VALUE} lets every call through */
    CallGate(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1: " + slots);
        }
        this.slots = slots;
    }

    /**
     * Enters the gate: whether the call may borrow a connection now. If not, the thread must
     * {@linkplain #queue queue} the call at once.
     */
    boolean enter() {
        return demand.getAndIncrement() < slots;
    }

    /**
     * Queues a call that could not {@linkplain #enter enter}; the thread must then {@link Waiter#await}.
     *
     * @param work     what a call ending before this one may run for it on its connection, or null to have
     *                 the connection handed over instead
     * @param deadline ({@link System#nanoTime()}) when the call gives up unless it was taken by then
     */
    Waiter<W> queue(W work, long deadline) {
        var waiter = new Waiter<>(Thread.currentThread(), work, deadline);
        queue.offer(waiter);
        if (!watching.get() && watching.compareAndSet(false, true)) {
            Thread.ofVirtual().name("osprey-gate-deadlines").start(this::watchDeadlines);
        }
        return waiter;
    }

    /**
     * The watcher: while calls wait in the queue, gives up those whose deadline has passed and sleeps until
     * the next deadline. It ends when none waits; a call queueing after that starts a new one.
     */
    private void watchDeadlines() {
        while (true) {
            OptionalLong next = expireWaiting();
            if (next.isEmpty()) {
                watching.set(false);
                // a call that queued before the flag fell saw it up and started no watcher: look again
                if (expireWaiting().isEmpty() || !watching.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            LockSupport.parkNanos(this, next.getAsLong() - System.nanoTime());
        }
    }

    /** Gives up the waiting calls whose deadline has passed; the earliest deadline of the others, if any. */
    private OptionalLong expireWaiting() {
        long now = System.nanoTime();
        boolean any = false;
        long next = 0;
        for (Waiter<W> waiter : queue) {
            if (waiter.state != Waiter.WAITING) {
                continue;
            }
            if (waiter.deadline - now <= 0) {
                waiter.expire();
            } else if (!any || waiter.deadline - next < 0) {
                next = waiter.deadline;
                any = true;
            }
        }
        return any ? OptionalLong.of(next) : OptionalLong.empty();
    }

    /**
     * Leaves the gate with the slot of a call that ended: null if no call is queued (the slot is free
     * again), else the queued call that takes the slot over, already {@linkplain Waiter#claim claimed}
     * by this thread, which must either {@linkplain Waiter#served serve} it or
     * {@linkplain Waiter#hand hand} it the connection.
     */
    Waiter<W> leave() {
        while (demand.decrementAndGet() >= slots) {
            Waiter<W> next = takeQueued();
            if (next.claim()) {
                return next;
            }
            // it gave up waiting: it has left, and its slot is ours to pass on
        }
        return null;
    }

    /** Whether a call leaving now would free its slot: nobody queues behind it. */
    boolean nobodyQueued() {
        return demand.get() <= slots;
    }

    /** The next queued call, which exists: a thread that counted itself in may not have queued yet. */
    private Waiter<W> takeQueued() {
        for (int spins = 0; ; spins++) {
            Waiter<W> next = queue.poll();
            if (next != null) {
                return next;
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** What became of a queued call. */
    enum Turn {
        /** Another call ran its work, or found it cancelled: the call is over. */
        SERVED,
        /** It has a slot now, and {@link Waiter#connection()} if the call before passed one on. */
        HANDED,
        /** Nobody took it before its deadline: it has left the gate. */
        TIMED_OUT
    }

    /** A queued call, and the thread waiting for it. */
    static final class Waiter<W> {
        private static final int WAITING = 0;
        private static final int CLAIMED = 1;
        private static final int SERVED = 2;
        private static final int HANDED = 3;
        private static final int ABANDONED = 4;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Thread thread;
        private final W work;
        private final long deadline;
        private volatile int state;
        private Connection connection;   // published by the write of state

        private Waiter(Thread thread, W work, long deadline) {
            this.thread = thread;
            this.work = work;
            this.deadline = deadline;
        }

        /** The work a call ending before may run for this one, or null if it must be handed the connection. */
        W work() {
            return work;
        }

        /** The connection handed over, or null if the new holder of the slot must borrow one. */
        Connection connection() {
            return connection;
        }

        private boolean claim() {
            return STATE.compareAndSet(this, WAITING, CLAIMED);
        }

        /** Its deadline has passed: it gives up unless a leaving call has just taken it. */
        private void expire() {
            if (STATE.compareAndSet(this, WAITING, ABANDONED)) {
                LockSupport.unpark(thread);
            }
        }

        /** The claimed call is over (its work ran on another call's connection, or it was cancelled). */
        void served() {
            state = SERVED;
            LockSupport.unpark(thread);
        }

        /** The claimed call holds the slot now, with {@code connection} (or none: it borrows one itself). */
        void hand(Connection connection) {
            this.connection = connection;
            state = HANDED;
            LockSupport.unpark(thread);
        }

        /**
         * Waits until another call serves this one or hands it the slot, or until its deadline unless it was
         * taken by then. Interrupts are kept for later: the call cannot leave the queue half-way.
         */
        Turn await() {
            boolean interrupted = false;
            try {
                while (true) {
                    int now = state;
                    if (now == SERVED) {
                        return Turn.SERVED;
                    }
                    if (now == HANDED) {
                        return Turn.HANDED;
                    }
                    if (now == ABANDONED) {
                        return Turn.TIMED_OUT;
                    }
                    if (now == WAITING && deadline - System.nanoTime() <= 0
                            && STATE.compareAndSet(this, WAITING, ABANDONED)) {
                        return Turn.TIMED_OUT;   // woken late, before the watcher came by
                    }
                    LockSupport.park(this);   // waiting, or claimed: its work is running, or the slot is on its way
                    if (Thread.interrupted()) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    thread.interrupt();
                }
            }
        }
    }
}
