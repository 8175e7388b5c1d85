package dev.osprey.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How much the JIT compiled between two points in time, so that a warm-up goes on while it still does.
 *
 * <p>On Linux this is the CPU time of the JVM's compiler threads ({@code C1/C2 CompilerThread…}), read
 * from {@code /proc/self/task/<tid>/schedstat}. The JVM's own figure ({@link
 * CompilationMXBean#getTotalCompilationTime()}) counts a compilation only once it has finished, and a C2
 * compilation of a deeply inlined call path took 0.5–0.8 s here: a warm-up slice that saw none finish ended
 * the warm-up while a compiler thread was busy for most of the measured runs. Elsewhere (no
 * {@code /proc}) that figure is used. Not thread-safe.
 */
final class JitActivity {
    private static final Path TASKS = Path.of("/proc/self/task");

    /** Compiler threads' CPU nanoseconds by thread id when this started (the /proc way), else null. */
    private final Map<String, Long> start;
    private final long startMillis;

    private JitActivity(Map<String, Long> start, long startMillis) {
        this.start = start;
        this.startMillis = startMillis;
    }

    /** Starts counting now. */
    static JitActivity start() {
        Map<String, Long> threads = compilerThreads();
        return new JitActivity(threads, threads == null ? compilationMillis() : 0);
    }

    /**
     * Milliseconds the JIT has worked since {@link #start()}, or -1 where the JVM does not tell. Compiler
     * threads that ended meanwhile are not counted, ones that started are counted in full.
     */
    long millis() {
        if (start == null) {
            long now = compilationMillis();
            return now < 0 || startMillis < 0 ? -1 : now - startMillis;
        }
        Map<String, Long> now = compilerThreads();
        if (now == null) {
            return -1;
        }
        long nanos = 0;
        for (var thread : now.entrySet()) {
            nanos += Math.max(0, thread.getValue() - start.getOrDefault(thread.getKey(), 0L));
        }
        return nanos / 1_000_000;
    }

    /** CPU nanoseconds of each compiler thread by its id, or null without a readable {@code /proc}. */
    private static Map<String, Long> compilerThreads() {
        if (!Files.isDirectory(TASKS)) {
            return null;
        }
        Map<String, Long> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String schedstat = Files.readString(task.resolve("schedstat")).strip();
                        threads.put(task.getFileName().toString(), Long.parseLong(schedstat.split(" ")[0]));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked, or the kernel has no schedstat: skip it
                }
            }
        } catch (IOException e) {
            return null;
        }
        return threads.isEmpty() ? null : threads;
    }

    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}
