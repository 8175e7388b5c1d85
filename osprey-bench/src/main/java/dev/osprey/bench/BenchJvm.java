package dev.osprey.bench;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM the figures are measured in: one of the benchmark's own, which deflates idle monitors every
 * {@value #DEFLATION_INTERVAL_MS} ms instead of HotSpot's 60 s.
 *
 * <p>Why: with lightweight locking (the default since JDK 23), when C2 deoptimizes a compiled frame that
 * holds a monitor through eliminated nested locks, HotSpot inflates that monitor to rebuild the thread's
 * lock stack (JDK-8318895), and it stays inflated until the monitor deflater next runs. sqlite-jdbc
 * synchronizes nearly every call on its connection object, nested, and an inflated monitor sends each of
 * its {@code synchronized native} methods (a step, a column read) through the JVM's slow path: about 0.15
 * µs a row more when paging through a table. Such deoptimizations happen when code compiled during one
 * workload meets a new branch in the next (a statement without parameters, the last row of a result), and
 * they hit whichever implementation warms up first, so the cost landed on one side for up to a minute,
 * decided by run order. Deflating often takes that accident out of the comparison; it changes nothing else
 * (the flag is diagnostic, and every implementation runs in the same JVM).
 *
 * <p>Its heap is fixed at {@value #HEAP} and touched when the JVM starts ({@code -XX:+AlwaysPreTouch}).
 * Why: a JVM's heap starts small and grows, and the first write to each new page of it is a page fault in
 * which the kernel zeroes the page. While the heap grew, that took about a twentieth of the process's CPU
 * (PostgreSQL read-then-write, profiled: {@code clear_page_erms} under allocations), charged to whichever
 * implementation allocated more then; page faults stopped some 15 s into a run, after one workload.
 * A heap of fixed size, touched once, is what a long-running service has.
 *
 * <p>{@link Bench#main} re-runs itself in such a JVM unless the one it runs in has these flags already
 * (given by hand). Not instantiable.
 */
final class BenchJvm {
    static final long DEFLATION_INTERVAL_MS = 250;
    static final String HEAP = "3g";
    static final List<String> FLAGS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:GuaranteedAsyncDeflationInterval=" + DEFLATION_INTERVAL_MS,
            "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch");
    /** System properties passed on to the benchmark's JVM: the module's folder, logging. */
    private static final List<String> PASSED_PROPERTIES = List.of("osprey.", "org.slf4j.");

    private BenchJvm() {
    }

    /** Whether this JVM deflates idle monitors at least every {@value #DEFLATION_INTERVAL_MS} ms. */
    static boolean deflatesOften() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long interval = Long.parseLong(hotspot.getVMOption("GuaranteedAsyncDeflationInterval").getValue());
            return interval > 0 && interval <= DEFLATION_INTERVAL_MS;
        } catch (RuntimeException e) {
            return false;   // a diagnostic flag not unlocked, or not HotSpot
        }
    }

    /** Whether this JVM was started with all of {@link #FLAGS}. */
    static boolean runsWithFlags() {
        return vmFlags().containsAll(FLAGS);
    }

    /** Whether this is HotSpot, whose flags {@link #FLAGS} are (other JVMs run the benchmark as they are). */
    static boolean isHotSpot() {
        String vm = System.getProperty("java.vm.name", "");
        return vm.contains("HotSpot") || vm.contains("OpenJDK");
    }

    /** The command that runs {@code main} with {@code args} in a JVM like this one, with {@link #FLAGS}. */
    static List<String> command(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        for (String name : System.getProperties().stringPropertyNames()) {
            if (PASSED_PROPERTIES.stream().anyMatch(name::startsWith)) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@link Bench} with {@code args} in a JVM of its own, sharing this one's console, and waits for it:
     * its exit code.
     */
    static int run(String[] args) throws Exception {
        Process process = new ProcessBuilder(command(Bench.class, Arrays.asList(args))).inheritIO().start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * The class path this class was loaded from: the class loader's URLs where Maven's exec plugin made one
     * (its own process has Maven's class path), else the JVM's.
     */
    static String classPath() {
        if (BenchJvm.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (var url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot turn " + url + " into a class path entry", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** The JVM flags this JVM was started with ({@code -XX:…}), for the report. */
    static List<String> vmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xms") || a.startsWith("-Xmx")).toList();
    }
}
