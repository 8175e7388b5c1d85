package dev.osprey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the figures come from: the processors, memory, JDK and operating system, and the versions of
 * the libraries compared, and the JVM flags the figures were measured with. Immutable.
 */
record Machine(int cpus, String cpuModel, long memoryMb, String jdk, List<String> jvmFlags, String os, String hibernate,
               String hikari) {

    static Machine describe() {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(), readCpuModel(), totalMemoryMb(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + Runtime.version(),
                BenchJvm.vmFlags(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                org.hibernate.Version.getVersionString(),
                version(com.zaxxer.hikari.HikariDataSource.class, "7.1.0"));
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return "unknown CPU";
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    private static String version(Class<?> type, String fallback) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? fallback : version;
    }
}
