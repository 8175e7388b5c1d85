package dev.osprey.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one timed run: {@code callers} virtual threads start together and repeat the task's operation
 * until the time is up (or the task has no work left); the rate is the units done over the time from
 * the start until the last caller finished its last operation. The CPU time the whole process used
 * meanwhile (callers, the library's own threads, JIT and GC; not the database server's) is kept too.
 * The heap the process allocated meanwhile is kept as well: a second figure of a library's work per call,
 * one that the database server's share of the machine does not blur (it still moves by up to a tenth
 * between processes, with what the JIT compiled).
 * The first failure of any caller stops the run and is thrown. Stateless.
 */
final class Runner {
    private Runner() {
    }

    /** What one run did. */
    record Sample(long units, long ops, double seconds, long cpuNanos, long allocatedBytes) {
        double rate() {
            return seconds <= 0 ? 0 : units / seconds;
        }

        double opsRate() {
            return seconds <= 0 ? 0 : ops / seconds;
        }
    }

    static Sample timed(Task task, JournalStore store, int callers, Duration length, long seed) throws Exception {
        List<Caller> states = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            states.add(new Caller(i, seed * 1_000 + i));
        }
        var start = new CountDownLatch(1);
        var stop = new AtomicBoolean();
        var failure = new AtomicReference<Throwable>();
        var times = new long[2];
        List<Thread> threads = new ArrayList<>(callers);
        for (Caller caller : states) {
            threads.add(Thread.ofVirtual().name("bench-caller-" + caller.index).unstarted(() -> {
                try {
                    start.await();
                    long deadline = times[0] + length.toNanos();
                    while (!stop.get() && System.nanoTime() < deadline) {
                        long units = task.op(store, caller);
                        if (units < 0) {
                            break;
                        }
                        caller.ops++;
                        caller.units += units;
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    stop.set(true);
                }
            }));
        }
        threads.forEach(Thread::start);
        long cpuStart = processCpuNanos();
        long allocatedStart = allocatedBytes();
        times[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - times[0]) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long allocated = allocatedBytes() - allocatedStart;
        if (failure.get() != null) {
            throw failed(failure.get());
        }
        task.afterRun(states);
        long ops = states.stream().mapToLong(c -> c.ops).sum();
        long units = states.stream().mapToLong(c -> c.units).sum();
        return new Sample(units, ops, seconds, cpu, allocated);
    }

    /** Times one call of {@code work}, which gives the units it did. */
    static Sample once(Work work) throws Exception {
        long cpuStart = processCpuNanos();
        long allocatedStart = allocatedBytes();
        long start = System.nanoTime();
        long units;
        try {
            units = work.run();
        } catch (RuntimeException | Error e) {
            throw failed(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Sample(units, 1, seconds, processCpuNanos() - cpuStart, allocatedBytes() - allocatedStart);
    }

    /** CPU time of the whole process so far, or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /**
     * Heap bytes all threads of the process allocated so far (virtual threads count on their carriers), or
     * -1 where the JVM cannot tell.
     */
    static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()
                ? threads.getTotalThreadAllocatedBytes() : -1;
    }

    @FunctionalInterface
    interface Work {
        long run() throws Exception;
    }

    private static Exception failed(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception e ? e : new IllegalStateException(cause);
    }
}
