package dev.osprey.internal.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts a call thread for each offered call ({@link Operation#offer}) that nobody claimed: a safety net
 * for calls whose caller does not wait for them, since a caller that waits runs the call itself.
 *
 * <p>Starting a thread for every call at once costs more than a short call: the virtual-thread
 * scheduler wakes its other carrier for it (on a virtual machine, a cross-CPU interrupt), to find the
 * work already claimed by the caller in nearly every case. So offered calls wait in a queue, and a
 * <em>look</em> at the queue starts a call thread for each call still unclaimed since the look before,
 * at least {@link #CLAIM_WINDOW} earlier. While calls are offered, the threads offering them take the
 * looks, at most one per window; one platform thread ({@code osprey-call-starter}) takes them in the
 * pauses between calls, every {@link #CLAIM_WINDOW} after a look found an unclaimed call, and less often
 * (up to {@link #MAX_PERIOD}) while every call was claimed: waking a platform thread thousands of times a
 * second cost a single caller on PostgreSQL a fifth of its CPU. When more than one call in
 * {@value #UNCLAIMED_SHARE} is left unclaimed over at least {@value #SHARE_SAMPLE} calls (an application
 * that chains futures and does not wait), calls get their thread at once again for {@link #IMMEDIATE},
 * after which the queue is tried again. A share, not a single call: a caller whose carrier the system
 * took away for a window is late to claim now and then, and a second of thread starts for every call
 * would cost far more than that one call's wait.
 * The sweeping thread sleeps while no call is offered. Thread-safe.
 */
final class CallStarter {
    /** How long a caller has to claim its call before a look may start a thread for it. */
    static final Duration CLAIM_WINDOW = Duration.ofNanos(500_000);
    /** Longest the sweeping thread waits between looks while calls are offered and all were claimed. */
    static final Duration MAX_PERIOD = Duration.ofMillis(8);
    /** How long calls start at once after many went unclaimed. */
    static final Duration IMMEDIATE = Duration.ofSeconds(1);
    /** One unclaimed call in this many (or more) switches to immediate starts. */
    static final int UNCLAIMED_SHARE = 8;
    /** How many looked-at calls the unclaimed share is taken over. */
    static final int SHARE_SAMPLE = 64;
    /** How long the sweeper keeps looking after the last call was offered before it sleeps. */
    private static final long IDLE_NANOS = Duration.ofMillis(100).toNanos();
    private static final long WINDOW_NANOS = CLAIM_WINDOW.toNanos();

    private static final ConcurrentLinkedQueue<Operation<?>> OFFERED = new ConcurrentLinkedQueue<>();
    /** Held while looking; guards {@link #waiting}. */
    private static final ReentrantLock LOOKING = new ReentrantLock();
    /** The calls taken from the queue by the last look, to be started by the next if still unclaimed. */
    private static final List<Operation<?>> waiting = new ArrayList<>();
    /** Calls looked at, and how many of them went unclaimed, since the share was last taken (guarded by {@link #LOOKING}). */
    private static int lookedCalls;
    private static int unclaimedCalls;
    /** When ({@link System#nanoTime}) the last look began. */
    private static volatile long lastLook = System.nanoTime();
    /** Whether the last look started a call thread. */
    private static volatile boolean lastLookStarted;
    /** Until when ({@link System#nanoTime}) calls start at once; 0: they wait in the queue. */
    private static volatile long immediateUntil;
    private static volatile long lastOffered;
    private static volatile boolean sleeping;
    private static final Thread SWEEPER = Thread.ofPlatform().daemon().name("osprey-call-starter")
            .unstarted(CallStarter::sweep);

    static {
        SWEEPER.start();
    }

    private CallStarter() {
    }

    /** Makes sure {@code operation}, offered already, runs: on its caller if it waits, else on a call thread. */
    static void offered(Operation<?> operation) {
        if (startsAtOnce()) {
            JdbcDriver.startCall(operation::runIfUnclaimed);
            return;
        }
        OFFERED.add(operation);
        long now = System.nanoTime();
        lastOffered = now;
        if (sleeping) {
            LockSupport.unpark(SWEEPER);
        } else if (now - lastLook >= WINDOW_NANOS && LOOKING.tryLock()) {
            try {
                look(now);   // the sweeping thread need not wake while calls keep coming
            } finally {
                LOOKING.unlock();
            }
        }
    }

    /** Whether the sweeping thread sleeps until a call is offered; for tests. */
    static boolean sleeping() {
        return sleeping && SWEEPER.getState() == Thread.State.WAITING;
    }

    /** Whether calls get their thread at once now, many having gone unclaimed; for tests. */
    static boolean startsAtOnce() {
        long until = immediateUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    /**
     * Starts a thread for each call still unclaimed since the last look, and takes the calls offered since
     * as the ones to check next time. Only with {@link #LOOKING} held, at least a window after the last look.
     */
    private static void look(long now) {
        if (now - lastLook < WINDOW_NANOS) {
            return;   // another thread looked meanwhile
        }
        lastLook = now;
        int started = 0;
        for (Operation<?> operation : waiting) {
            if (operation.unclaimed()) {
                JdbcDriver.startCall(operation::runIfUnclaimed);
                started++;
            }
        }
        lookedCalls += waiting.size();
        unclaimedCalls += started;
        if (lookedCalls >= SHARE_SAMPLE) {
            if (unclaimedCalls * UNCLAIMED_SHARE > lookedCalls) {
                immediateUntil = now + IMMEDIATE.toNanos();
            }
            lookedCalls = 0;
            unclaimedCalls = 0;
        }
        lastLookStarted = started > 0;
        waiting.clear();
        for (Operation<?> next = OFFERED.poll(); next != null; next = OFFERED.poll()) {
            waiting.add(next);
        }
    }

    private static void sweep() {
        long period = WINDOW_NANOS;
        boolean woken = false;
        while (true) {
            try {
                boolean idle;
                LOOKING.lock();
                try {
                    long now = System.nanoTime();
                    look(now);   // unless a caller looked less than a window ago
                    idle = waiting.isEmpty() && OFFERED.isEmpty() && now - lastOffered > IDLE_NANOS;
                    if (idle) {   // the share is taken over one stretch of calls
                        lookedCalls = 0;
                        unclaimedCalls = 0;
                    }
                } finally {
                    LOOKING.unlock();
                }
                // after an unclaimed call, or to check what woke us: look again a window later; else less often
                period = lastLookStarted || woken ? WINDOW_NANOS : Math.min(period * 2, MAX_PERIOD.toNanos());
                woken = false;
                if (idle) {
                    sleeping = true;
                    if (OFFERED.isEmpty()) {   // offered() adds, then reads sleeping: one of us sees the other
                        LockSupport.park();
                    }
                    sleeping = false;
                    woken = true;
                } else {
                    LockSupport.parkNanos(period);
                }
            } catch (Throwable t) {   // a thread that cannot start (out of memory): try again next round
                LockSupport.parkNanos(WINDOW_NANOS);
            }
        }
    }
}
