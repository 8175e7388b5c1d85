package dev.osprey.internal.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts a call thread for each offered call ({@link Operation#offer}) that nobody claimed: a safety net
 * for calls whose caller does not wait for them, since a caller that waits runs the call itself.
 *
 * <p>Starting a thread for every call at once costs more than a short call: the virtual-thread
 * scheduler wakes its other carrier for it (on a virtual machine, a cross-CPU interrupt), to find the
 * work already claimed by the caller in nearly every case. So while calls are claimed by their callers,
 * offered calls wait in a queue, and one platform thread looks at them every {@link #PERIOD}: a call
 * still unclaimed after one to two periods gets its call thread then. When more than one call in
 * {@value #UNCLAIMED_SHARE} is left unclaimed (an application that chains futures and does not wait),
 * calls get their thread at once again for {@link #IMMEDIATE}, after which the queue is tried again.
 * The sweeping thread sleeps while no call is offered. Thread-safe.
 */
final class CallStarter {
    /** How often offered calls are looked at. */
    static final Duration PERIOD = Duration.ofNanos(500_000);
    /** How long calls start at once after many went unclaimed. */
    static final Duration IMMEDIATE = Duration.ofSeconds(1);
    /** One unclaimed call in this many (or more) switches to immediate starts. */
    static final int UNCLAIMED_SHARE = 8;
    /** How long the sweeper keeps looking after the last call was offered before it sleeps. */
    private static final long IDLE_NANOS = Duration.ofMillis(100).toNanos();

    private static final ConcurrentLinkedQueue<Operation<?>> OFFERED = new ConcurrentLinkedQueue<>();
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
        lastOffered = System.nanoTime();
        if (sleeping) {
            LockSupport.unpark(SWEEPER);
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

    private static void sweep() {
        List<Operation<?>> waiting = new ArrayList<>();
        while (true) {
            try {
                int started = 0;
                for (Operation<?> operation : waiting) {
                    if (operation.unclaimed()) {
                        JdbcDriver.startCall(operation::runIfUnclaimed);
                        started++;
                    }
                }
                if (started > 0 && started * UNCLAIMED_SHARE > waiting.size()) {
                    immediateUntil = System.nanoTime() + IMMEDIATE.toNanos();
                }
                waiting.clear();
                for (Operation<?> next = OFFERED.poll(); next != null; next = OFFERED.poll()) {
                    waiting.add(next);
                }
                if (waiting.isEmpty() && System.nanoTime() - lastOffered > IDLE_NANOS) {
                    sleeping = true;
                    if (OFFERED.isEmpty()) {   // offered() adds, then reads sleeping: one of us sees the other
                        LockSupport.park();
                    }
                    sleeping = false;
                } else {
                    LockSupport.parkNanos(PERIOD.toNanos());
                }
            } catch (Throwable t) {   // a thread that cannot start (out of memory): try again next round
                LockSupport.parkNanos(PERIOD.toNanos());
            }
        }
    }
}
