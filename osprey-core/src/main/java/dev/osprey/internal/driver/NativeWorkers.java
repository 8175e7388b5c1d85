package dev.osprey.internal.driver;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * Where the JDBC work of a native driver (sqlite-jdbc is JNI) runs. A native call pins the virtual
 * thread's carrier for as long as it runs, and the scheduler does not make up for it: two long
 * SQLite queries on the two carriers of a two-core machine would stop every other virtual thread,
 * timeouts included. Handing every call to a platform thread avoids that but costs two thread
 * wake-ups per call, several times the work of a single-row read.
 *
 * <p>So work runs on the calling virtual thread while that leaves at least one carrier unpinned
 * (a budget of the scheduler's parallelism minus one), and on a platform thread otherwise. Brief
 * work (a read of one row by primary key, microseconds) may take the last carrier too, and waits for
 * one rather than hand over: it cannot hold it for long. One
 * caller runs inline every time; many callers fill the budget and the rest go to the platform
 * threads, which are busy enough then not to sleep between calls. Work on a platform thread calls
 * runs there directly. Thread-safe.
 */
final class NativeWorkers {
    private final Semaphore pinnable;
    private final ExecutorService platform;

    /** @param threads the platform threads: one per connection, so handed-off work never queues */
    NativeWorkers(int threads, String name) {
        this.pinnable = new Semaphore(schedulerParallelism());
        this.platform = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(name, 0).factory());
    }

    /** The virtual-thread scheduler's parallelism, as the JDK computes it. */
    private static int schedulerParallelism() {
        String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        if (configured != null) {
            try {
                return Integer.parseInt(configured.trim());
            } catch (NumberFormatException ignored) {
                // the JDK refuses to start with a bad value; fall through for safety
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code work} here if this thread may be pinned, else on a platform thread, and waits for it. */
    <T> T call(Callable<T> work) throws Throwable {
        if (!Thread.currentThread().isVirtual()) {
            return work.call();
        }
        if (pin(false)) {
            try {
                return work.call();
            } finally {
                pinnable.release();
            }
        }
        var task = new FutureTask<>(work);
        platform.execute(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // the JDBC work cannot be abandoned half-way: wait for it
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Nothing to do: where no carrier was taken from the budget. */
    static final Runnable NOTHING = () -> { };

    /** Work of a call whose native part ends before the rest of it (returning the connection, completing). */
    @FunctionalInterface
    interface Task {
        /** Runs the work; calls {@code nativeDone} once no more native code runs, and must not throw. */
        void run(Runnable nativeDone);
    }

    /**
     * Runs {@code task} here if this thread may be pinned ({@code brief}: the work takes microseconds),
     * else hands it to a platform thread and returns at once. The carrier goes back to the budget as
     * soon as the task says its native work is done: returning a connection to the pool may yield the
     * carrier to a waiting caller, and a carrier counted as pinned while it does would starve the
     * budget (with 64 callers, it halved the rate).
     *
     * @throws java.util.concurrent.RejectedExecutionException if the workers were shut down
     */
    void dispatch(boolean brief, Task task) {
        if (!Thread.currentThread().isVirtual()) {
            task.run(NOTHING);
        } else if (pin(brief)) {
            var unpin = new Unpin();
            try {
                task.run(unpin);
            } finally {
                unpin.run();
            }
        } else {
            platform.execute(() -> task.run(NOTHING));
        }
    }

    /** Gives one carrier back to the budget, once however often it runs. Used by one thread. */
    private final class Unpin implements Runnable {
        private boolean done;

        @Override
        public void run() {
            if (!done) {
                done = true;
                pinnable.release();
            }
        }
    }

    /**
     * Takes a carrier from the budget: brief work may take the last one, and waits for it; other work
     * needs two free and keeps one of them, so that at least one carrier stays unpinned by it.
     */
    private boolean pin(boolean brief) {
        if (brief) {
            // Other work never holds the last carrier, so this waits only for brief work: microseconds,
            // and cheaper than handing over to a platform thread.
            pinnable.acquireUninterruptibly();
            return true;
        }
        if (!pinnable.tryAcquire(2)) {
            return false;
        }
        pinnable.release();
        return true;
    }

    void shutdown() {
        platform.shutdown();
    }
}
