package dev.osprey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a benchmark run, written as {@code results.md} (a table per database with the ratios,
 * the variants, the machine), {@code results.csv} (every measurement) and {@code ratios.png}
 * ({@link RatioChart}). The JDBC figure of a workload is the best of its JDBC variants. Immutable.
 */
public final class Report {
    private final Options options;
    private final Machine machine;
    private final Map<BenchDatabase, String> versions;
    private final Map<BenchDatabase, String> skipped;
    private final List<Measurement> measurements;
    private final Instant started;
    private final Duration took;

    Report(Options options, Machine machine, Map<BenchDatabase, String> versions, Map<BenchDatabase, String> skipped,
           List<Measurement> measurements, Instant started, Duration took) {
        this.options = options;
        this.machine = machine;
        this.versions = Map.copyOf(versions);
        this.skipped = Map.copyOf(skipped);
        this.measurements = List.copyOf(measurements);
        this.started = started;
        this.took = took;
    }

    /** One workload on one database: Osprey's main figure, JDBC's best variant, Hibernate. */
    record Line(BenchDatabase database, Workload workload, Measurement osprey, Measurement jdbc, Measurement hibernate) {
        /** Osprey/JDBC, or NaN when either is missing. */
        double ospreyToJdbc() {
            return ratio(osprey, jdbc);
        }

        double ospreyToHibernate() {
            return ratio(osprey, hibernate);
        }

        private static double ratio(Measurement a, Measurement b) {
            return a == null || b == null || !a.ok() || !b.ok() ? Double.NaN : a.median() / b.median();
        }
    }

    /** The summary lines of {@code database}, in workload order. */
    List<Line> lines(BenchDatabase database) {
        List<Line> lines = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            List<Measurement> of = measurements.stream()
                    .filter(m -> m.database() == database && m.workload() == workload).toList();
            if (of.isEmpty()) {
                continue;
            }
            Measurement osprey = of.stream().filter(m -> m.impl() == Impl.OSPREY && m.main()).findFirst().orElse(null);
            Measurement hibernate = of.stream().filter(m -> m.impl() == Impl.HIBERNATE).findFirst().orElse(null);
            List<Measurement> jdbcs = of.stream().filter(m -> m.impl() == Impl.JDBC).toList();
            Measurement jdbc = jdbcs.stream().filter(m -> !m.ok()).findFirst()   // a failure shows
                    .orElse(jdbcs.stream().max(Comparator.comparingDouble(Measurement::median)).orElse(null));
            lines.add(new Line(database, workload, osprey, jdbc, hibernate));
        }
        return lines;
    }

    List<BenchDatabase> databases() {
        return options.databases().stream().filter(versions::containsKey).toList();
    }

    List<Measurement> measurements() {
        return measurements;
    }

    /** Measurements that failed (a broken implementation or a wrong answer). */
    long failures() {
        return measurements.stream().filter(m -> !m.ok()).count();
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("results.md"), markdown());
        Files.writeString(dir.resolve("results.csv"), csv());
        RatioChart.write(this, dir.resolve("ratios.png"));
    }

    // ---------------------------------------------------------------- Markdown

    String markdown() {
        var md = new StringBuilder();
        Plan plan = options.plan();
        md.append("# Osprey benchmark (").append(plan.name()).append(" run)\n\n");
        md.append(String.format(Locale.ROOT, "%s UTC, %s in all. Medians of %d measured runs (%s each for timed "
                        + "workloads, after a warm-up of %s, longer while the JIT still compiled, up to %s, "
                        + "and then rounds of all contenders in turn until the JIT was quiet for a whole round); the "
                        + "spread is half the min–max range. A table of %,d rows; every implementation has a pool of "
                        + "%d connections.%n%n",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(started.atOffset(ZoneOffset.UTC)),
                Bench.seconds(took.toNanos()), plan.runs(), human(plan.run()), human(plan.warmup()),
                human(plan.maxWarmup()), plan.tableRows(), Pools.SIZE));
        if (plan == Plan.QUICK) {
            md.append("*Quick mode: short runs on a small table, cold JIT. The figures show that everything works, "
                    + "not how fast it is.*\n\n");
        }
        for (BenchDatabase database : databases()) {
            md.append("## ").append(database.label()).append("\n\n");
            md.append("| workload | unit | Osprey | JDBC | Hibernate | Osprey/JDBC | Osprey/Hibernate | spread O / J / H "
                    + "| client CPU µs per op or row O / J / H | heap bytes per op or row O / J / H |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---|---|---|\n");
            List<String> notes = new ArrayList<>();
            for (Line line : lines(database)) {
                Workload w = line.workload();
                md.append("| ").append(w.label()).append(" | ").append(w.unit().label())
                        .append(" | ").append(figure(line.osprey()))
                        .append(" | ").append(figure(line.jdbc()))
                        .append(line.jdbc() != null && line.jdbc().ok() && !Contender.DEFAULT.equals(line.jdbc().variant())
                                ? " (" + line.jdbc().variant() + ")" : "")
                        .append(" | ").append(figure(line.hibernate()))
                        .append(" | ").append(ratio(line.ospreyToJdbc(), w.target()))
                        .append(" | ").append(ratio(line.ospreyToHibernate(), 1.0))
                        .append(" | ").append(spread(line.osprey())).append(" / ").append(spread(line.jdbc()))
                        .append(" / ").append(spread(line.hibernate()))
                        .append(" | ").append(cpu(line.osprey())).append(" / ").append(cpu(line.jdbc()))
                        .append(" / ").append(cpu(line.hibernate()))
                        .append(" | ").append(bytes(line.osprey())).append(" / ").append(bytes(line.jdbc()))
                        .append(" / ").append(bytes(line.hibernate()))
                        .append(" |\n");
                for (Measurement m : new Measurement[] {line.osprey(), line.jdbc(), line.hibernate()}) {
                    if (m != null && !m.ok()) {
                        notes.add(w.key() + ", " + m.name() + ": FAILED: " + m.failure());
                    }
                }
            }
            md.append('\n');
            String oversubscription = oversubscription(database);
            if (!oversubscription.isEmpty()) {
                md.append("64 callers on 8 connections, as a share of the 8-caller rate (target ≥ 0.90): ")
                        .append(oversubscription).append(".\n\n");
            }
            List<Measurement> variants = measurements.stream()
                    .filter(m -> m.database() == database && !Contender.DEFAULT.equals(m.variant())).toList();
            if (!variants.isEmpty()) {
                md.append("Variants (the JDBC column is the best JDBC variant):\n\n");
                md.append("| workload | implementation | median | min–max | work |\n|---|---|---:|---|---|\n");
                for (Measurement m : variants) {
                    md.append("| ").append(m.workload().key()).append(" | ").append(m.name()).append(" | ")
                            .append(figure(m)).append(' ').append(m.workload().unit().label()).append(" | ")
                            .append(m.ok() ? String.format(Locale.ROOT, "%,.0f – %,.0f", m.min(), m.max()) : "")
                            .append(" | ").append(m.work()).append(" |\n");
                }
                md.append('\n');
            }
            List<Measurement> bulk = measurements.stream()
                    .filter(m -> m.database() == database && m.workload().fixedWork() && Contender.DEFAULT.equals(m.variant()))
                    .toList();
            for (Measurement m : bulk) {
                notes.add(m.workload().key() + ", " + m.name() + ": " + m.work());
            }
            if (!notes.isEmpty()) {
                md.append("Notes:\n\n");
                notes.forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
        }
        skipped.forEach((database, why) -> md.append("**").append(database.label()).append(" skipped:** ")
                .append(why).append("\n\n"));
        md.append("Ratios below the target (0.95, or 0.8 for rows into entities; 1.0 against Hibernate) are marked "
                + "with `<`.\n\n");
        md.append("## Machine\n\n");
        md.append(String.format(Locale.ROOT, "- %d CPUs (%s), %,d MB memory, %s%n", machine.cpus(), machine.cpuModel(),
                machine.memoryMb(), machine.os()));
        md.append("- JDK: ").append(machine.jdk());
        if (!machine.jvmFlags().isEmpty()) {
            md.append(", with ").append(String.join(" ", machine.jvmFlags()));
        }
        md.append('\n');
        md.append("- Hibernate ORM ").append(machine.hibernate()).append(", HikariCP ").append(machine.hikari())
                .append('\n');
        for (BenchDatabase database : databases()) {
            md.append("- ").append(database.label()).append(": ").append(versions.get(database)).append('\n');
        }
        md.append('\n');
        return md.toString();
    }

    /** get_64 over get_8 per implementation ("Osprey 0.86, JDBC 1.03, …"), or empty if either is missing. */
    private String oversubscription(BenchDatabase database) {
        List<String> parts = new ArrayList<>();
        for (Impl impl : Impl.values()) {
            Measurement eight = main(database, Workload.GET_8, impl);
            Measurement sixtyFour = main(database, Workload.GET_64, impl);
            if (eight != null && sixtyFour != null && eight.ok() && sixtyFour.ok()) {
                parts.add(String.format(Locale.ROOT, "%s %.2f", impl.label(), sixtyFour.median() / eight.median()));
            }
        }
        return String.join(", ", parts);
    }

    private Measurement main(BenchDatabase database, Workload workload, Impl impl) {
        return measurements.stream()
                .filter(m -> m.database() == database && m.workload() == workload && m.impl() == impl && m.main())
                .findFirst().orElse(null);
    }

    private static String figure(Measurement m) {
        if (m == null) {
            return "–";
        }
        return m.ok() ? String.format(Locale.ROOT, "%,.0f", m.median()) : "FAILED";
    }

    private static String ratio(double ratio, double target) {
        if (Double.isNaN(ratio)) {
            return "–";
        }
        String text = String.format(Locale.ROOT, "%.2f", ratio);
        return ratio < target ? "`<` " + text : text;
    }

    private static String spread(Measurement m) {
        return m == null || !m.ok() ? "–" : String.format(Locale.ROOT, "±%.0f%%", m.spread() * 100);
    }

    private static String cpu(Measurement m) {
        if (m == null || !m.ok() || Double.isNaN(m.cpuMicros())) {
            return "–";
        }
        return String.format(Locale.ROOT, m.cpuMicros() < 10 ? "%.2f" : "%.1f", m.cpuMicros());
    }

    private static String bytes(Measurement m) {
        if (m == null || !m.ok() || Double.isNaN(m.allocatedBytes())) {
            return "–";
        }
        return String.format(Locale.ROOT, m.allocatedBytes() < 10 ? "%.1f" : "%,.0f", m.allocatedBytes());
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    // ---------------------------------------------------------------- CSV

    String csv() {
        var csv = new StringBuilder("database,workload,implementation,variant,main,unit,median,min,max,cpu_us_per_unit,bytes_per_unit,runs,work,failure\n");
        for (Measurement m : measurements) {
            csv.append(m.database().key()).append(',').append(m.workload().key()).append(',')
                    .append(m.impl().key()).append(',').append(m.variant()).append(',').append(m.main()).append(',')
                    .append(m.workload().unit().label()).append(',')
                    .append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.3f,%.1f", m.median(), m.min(), m.max(),
                            m.cpuMicros(), m.allocatedBytes())).append(',')
                    .append(m.rates().length).append(',').append(quote(m.work())).append(',')
                    .append(m.failure() == null ? "" : quote(m.failure())).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }
}
