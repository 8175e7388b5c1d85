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
 * (a budget of the scheduler's parallelism minus one), and on a platform thread otherwise. One
 * caller runs inline every time; many callers fill the budget and the rest go to the platform
 * threads, which are busy enough then not to sleep between calls. Work on a platform thread calls
 * runs there directly. Thread-safe.
 */
final class NativeWorkers {
    private final Semaphore pinnable;
    private final ExecutorService platform;

    /** @param threads the platform threads: one per connection, so handed-off work never queues */
    NativeWorkers(int threads, String name) {
        this.pinnable = new Semaphore(Math.max(0, schedulerParallelism() - 1));
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
        if (pinnable.tryAcquire()) {
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

    /**
     * Runs {@code task} here if this thread may be pinned, else hands it to a platform thread and
     * returns at once. {@code task} must not throw.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the workers were shut down
     */
    void dispatch(Runnable task) {
        if (!Thread.currentThread().isVirtual()) {
            task.run();
        } else if (pinnable.tryAcquire()) {
            try {
                task.run();
            } finally {
                pinnable.release();
            }
        } else {
            platform.execute(task);
        }
    }

    void shutdown() {
        platform.shutdown();
    }
}
