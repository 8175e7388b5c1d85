package dev.osprey.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Osprey side by side with hand-written JDBC (the ceiling) and Hibernate ORM on SQLite, PostgreSQL and
 * MariaDB: the workloads of issue 7 on one table, each measured as a median over several runs after a
 * warm-up, written to {@code results.md}, {@code results.csv} and {@code ratios.png}.
 *
 * <p>This is a plain program rather than a JMH benchmark on purpose. The workloads are whole-system
 * measurements, not microbenchmarks: they need 1, 8 or 64 concurrent virtual-thread callers sharing a
 * pool of 8 connections, whole-table setups (100,000 rows loaded, emptied, or inserted per run) that
 * must stay outside the timing, correctness checks against the database after every run, and rates in
 * operations or rows per second, all three libraries interleaved run by run on the same database
 * server. JMH's per-invocation model fits none of that, and its forked JVMs would not let a run share
 * a warmed-up pool; what it guards against (dead code, constant folding) cannot happen when every
 * operation is a round trip whose answer is checked.
 *
 * <p>Run it with {@code ./mvnw -q -pl osprey-bench -am -DskipTests package exec:java -Dexec.args="--quick"};
 * see {@link Options#USAGE} for the options.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.USAGE);
            if (!e.getMessage().isEmpty()) {
                throw e;
            }
            return;
        }
        if (BenchJvm.isHotSpot() && !BenchJvm.runsWithFlags()) {
            int exit = BenchJvm.run(args);   // see BenchJvm: the figures are measured in a JVM of their own
            if (exit != 0) {
                throw new IllegalStateException("the benchmark's JVM ended with exit code " + exit);
            }
            return;
        }
        Report report = run(options, System.out);
        System.out.println();
        System.out.print(report.markdown());
        System.out.println("Written to " + options.out().toAbsolutePath().normalize());
        if (report.failures() > 0) {
            throw new IllegalStateException(report.failures() + " measurement(s) failed; see results.md");
        }
    }

    /** Runs the benchmark as {@code options} say and writes the report; progress goes to {@code log}. */
    public static Report run(Options options, PrintStream log) throws Exception {
        quietLogging();
        Instant started = Instant.now();
        Machine machine = Machine.describe();
        log.printf("Osprey bench (%s): %s on %s; %d CPUs%n", options.plan().name(),
                String.join(", ", options.databases().stream().map(BenchDatabase::label).toList()), machine.jdk(),
                machine.cpus());
        List<Measurement> measurements = new ArrayList<>();
        Map<BenchDatabase, String> versions = new LinkedHashMap<>();
        Map<BenchDatabase, String> skipped = new LinkedHashMap<>();
        for (BenchDatabase database : options.databases()) {
            long start = System.nanoTime();
            DatabaseRun run;
            try {
                run = DatabaseRun.open(database, options.urls().get(database), options.plan(), options.impls(), log);
            } catch (dev.osprey.ConnectionFailedException e) {
                log.println("SKIPPED " + database + ": " + e.getMessage());
                skipped.put(database, e.getMessage());
                continue;
            }
            try (run) {
                versions.put(database, run.serverVersion() + "; driver " + run.driverVersion());
                measurements.addAll(run.run(options.workloads()));
            }
            log.printf("%s done in %s%n", database, seconds(System.nanoTime() - start));
        }
        var report = new Report(options, machine, versions, skipped, measurements, started,
                Duration.between(started, Instant.now()));
        Files.createDirectories(options.out());
        report.write(options.out());
        return report;
    }

    /** SLF4J's simple binding at WARN, and Hibernate's JBoss Logging through it. */
    static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
        System.setProperty("java.awt.headless", "true");
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
