package dev.osprey.bench;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.bench.hibernate.HibernateJournal;
import dev.osprey.bench.jdbc.BulkInsert;
import dev.osprey.bench.jdbc.JdbcJournal;
import dev.osprey.bench.jdbc.JournalSql;
import dev.osprey.bench.osprey.OspreyJournal;
import dev.osprey.bench.osprey.OspreySessionJournal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark on one database: opens Osprey, the JDBC pools and Hibernate (each with its own pool
 * of {@value Pools#SIZE} connections), recreates and loads the table, then runs each workload for
 * every contender. Runs interleave the contenders (a different one starts each round), so that a
 * slow spell of a noisy machine does not land on one of them only. Not thread-safe.
 */
final class DatabaseRun implements AutoCloseable {
    private static final double UNKNOWN_RATE = 20_000;

    private final BenchDatabase database;
    private final Plan plan;
    private final PrintStream log;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Contender> contenders = new ArrayList<>();
    private Fixture fixture;
    private String serverVersion;
    private String driverVersion;

    private DatabaseRun(BenchDatabase database, Plan plan, PrintStream log) {
        this.database = database;
        this.plan = plan;
        this.log = log;
    }

    /** Connects everything; a database that cannot be reached throws {@link dev.osprey.ConnectionFailedException}. */
    static DatabaseRun open(BenchDatabase database, String url, Plan plan, Set<Impl> impls, PrintStream log)
            throws Exception {
        var run = new DatabaseRun(database, plan, log);
        try {
            run.connect(url, impls);
            return run;
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
    }

    private void connect(String url, Set<Impl> impls) throws Exception {
        BenchDatabase.Endpoint endpoint = database.endpoint(url);
        if (endpoint.sqliteFile() != null) {
            Path file = Path.of(endpoint.sqliteFile()).toAbsolutePath();
            Files.createDirectories(file.getParent());
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
        Database osprey = Database.connect(url, Config.builder().maxPoolSize(Pools.SIZE).minIdle(Pools.SIZE).build());
        opened.add(osprey);
        fixture = new Fixture(endpoint, new DataSet(plan.tableRows()));
        opened.add(fixture);
        fixture.recreate(osprey);
        serverVersion = fixture.serverVersion();
        driverVersion = osprey.withConnection(c -> c.getMetaData().getDriverName() + " "
                + c.getMetaData().getDriverVersion()).join();
        String initSql = fixture.mariaDbInitSql();
        var sql = new JournalSql(database);
        if (impls.contains(Impl.OSPREY)) {
            contenders.add(Contender.main(Impl.OSPREY, new OspreyJournal(osprey), w -> Contender.DEFAULT));
            contenders.add(Contender.variant(Impl.OSPREY, "session", new OspreySessionJournal(osprey),
                    Set.of(Workload.INSERT_1, Workload.INSERT_8, Workload.GET_1, Workload.GET_8)));
        }
        if (impls.contains(Impl.JDBC)) {
            Pools pools = Pools.open(endpoint, "osprey-bench-jdbc", initSql);
            opened.add(pools);
            contenders.add(Contender.main(Impl.JDBC, new JdbcJournal(pools, sql), w -> switch (w) {
                case BULK_INSERT -> BulkInsert.BATCH.label();
                case BULK_INSERT_IDS -> BulkInsert.RETURNING.label();
                default -> Contender.DEFAULT;
            }));
            contenders.add(Contender.variant(Impl.JDBC, BulkInsert.MULTI_ROW.label(),
                    new JdbcJournal(pools, sql, BulkInsert.MULTI_ROW, BulkInsert.RETURNING), Set.of(Workload.BULK_INSERT)));
            if (database == BenchDatabase.POSTGRESQL) {
                contenders.add(Contender.variant(Impl.JDBC, BulkInsert.COPY.label(),
                        new JdbcJournal(pools, sql, BulkInsert.COPY, BulkInsert.RETURNING), Set.of(Workload.BULK_INSERT)));
            }
            if (database != BenchDatabase.SQLITE) {   // sqlite-jdbc gives no key per row of a batch
                contenders.add(Contender.variant(Impl.JDBC, BulkInsert.BATCH_KEYS.label(),
                        new JdbcJournal(pools, sql, BulkInsert.BATCH, BulkInsert.BATCH_KEYS),
                        Set.of(Workload.BULK_INSERT_IDS)));
            }
        }
        if (impls.contains(Impl.HIBERNATE)) {
            Pools pools = Pools.open(endpoint, "osprey-bench-hibernate", initSql);
            opened.add(pools);
            HibernateJournal hibernate = HibernateJournal.open(database, pools);
            opened.add(hibernate);
            contenders.add(Contender.main(Impl.HIBERNATE, hibernate, w -> Contender.DEFAULT));
        }
        log.printf("%s: %s; loading %,d rows%n", database, serverVersion, plan.tableRows());
        fixture.load();
    }

    String serverVersion() {
        return serverVersion;
    }

    String driverVersion() {
        return driverVersion;
    }

    /** Runs {@code workloads} (in their run order) for every contender. */
    List<Measurement> run(List<Workload> workloads) throws Exception {
        List<Measurement> all = new ArrayList<>();
        for (Workload workload : Workload.runOrder()) {
            if (!workloads.contains(workload)) {
                continue;
            }
            List<Contender> running = contenders.stream().filter(c -> c.runs(workload)).toList();
            if (running.isEmpty()) {
                continue;
            }
            List<Measurement> measured = workload.fixedWork() ? bulk(workload, running) : timed(workload, running);
            for (Measurement m : measured) {
                log.printf("  %-10s %-17s %-22s %s%n", database, workload.key(), m.name(), describe(m));
            }
            all.addAll(measured);
        }
        return all;
    }

    private List<Measurement> timed(Workload workload, List<Contender> running) throws Exception {
        Task task = Tasks.of(workload, fixture);
        Map<Contender, double[]> rates = new HashMap<>();
        Map<Contender, ClientCost> cost = new HashMap<>();
        Map<Contender, String> failures = new HashMap<>();
        Map<Contender, Double> opsRates = new HashMap<>();
        long seed = workload.ordinal() * 7919L;
        for (Contender c : running) {
            try {
                opsRates.put(c, warmUp(task, c, workload.callers(), opsRates.get(c), seed));
                seed += 100;
                rates.put(c, new double[plan.runs()]);
            } catch (Exception e) {
                failures.put(c, failed(c, workload, e));
            }
        }
        seed = settle(task, workload, running, opsRates, failures, seed);
        for (int round = 0; round < plan.runs(); round++) {
            for (int i = 0; i < running.size(); i++) {
                Contender c = running.get((i + round) % running.size());
                if (failures.containsKey(c)) {
                    continue;
                }
                try {
                    task.beforeRun(expectedOps(opsRates.get(c), plan.run().toNanos()));
                    Runner.Sample sample = Runner.timed(task, c.store(), workload.callers(), plan.run(), seed++);
                    rates.get(c)[round] = sample.rate();
                    cost.computeIfAbsent(c, k -> new ClientCost()).add(sample);
                    if (sample.seconds() < plan.run().toNanos() / 1e9 * 0.8) {
                        opsRates.put(c, sample.opsRate() * 2);   // ran out of prepared rows: prepare more
                    }
                } catch (Exception e) {
                    failures.put(c, failed(c, workload, e));
                }
            }
        }
        String work = workload.callers() + (workload.callers() == 1 ? " caller" : " callers");
        return measurements(workload, running, rates, cost, failures, c -> work);
    }

    /**
     * Runs {@code c} for {@link Plan#warmup()}, then for {@value #WARMUP_SLICE_MS} ms at a time until the JIT
     * worked for at most a twentieth of each of {@value #QUIET_SLICES} runs in a row (see {@link JitActivity}),
     * or {@link Plan#maxWarmup()} is over; gives the last run's operation rate. One quiet run is not enough:
     * compilations come in bursts (C1, then C2 once the profile is in), and a run between two bursts ended
     * warm-ups while a compiler thread still took a quarter of a CPU in the measured runs.
     */
    private double warmUp(Task task, Contender c, int callers, Double opsRate, long seed) throws Exception {
        long deadline = System.nanoTime() + plan.maxWarmup().toNanos();
        Duration length = plan.warmup();
        int quiet = 0;
        while (true) {
            JitActivity jit = JitActivity.start();
            task.beforeRun(expectedOps(opsRate, length.toNanos()));
            Runner.Sample warm = Runner.timed(task, c.store(), callers, length, seed++);
            opsRate = warm.opsRate();
            long compiled = jit.millis();
            quiet = compiled * 20 <= length.toMillis() ? quiet + 1 : 0;
            if (compiled < 0 || quiet >= QUIET_SLICES || System.nanoTime() >= deadline) {
                return opsRate;
            }
            length = Duration.ofMillis(WARMUP_SLICE_MS);
        }
    }

    /**
     * Runs the warmed-up contenders in turn, {@value #WARMUP_SLICE_MS} ms each, until the JIT worked for at most
     * a twentieth of a whole round (or {@link Plan#maxWarmup()} is over); gives the next seed. The contenders
     * share the drivers' code: one contender's warm-up makes the JIT recompile code that another's compiled
     * code had inlined, and the first measured run after it paid for that (PostgreSQL read-then-write: 185
     * µs of client CPU per transaction in Osprey's first run, 95–128 in its others).
     */
    private long settle(Task task, Workload workload, List<Contender> running, Map<Contender, Double> opsRates,
                        Map<Contender, String> failures, long seed) {
        if (running.size() - failures.size() < 2 || plan.maxWarmup().compareTo(plan.warmup()) <= 0) {
            return seed;   // one contender, or a plan that does not wait for the JIT (quick)
        }
        long deadline = System.nanoTime() + plan.maxWarmup().toNanos();
        Duration slice = Duration.ofMillis(WARMUP_SLICE_MS);
        while (System.nanoTime() < deadline) {
            JitActivity jit = JitActivity.start();
            long length = 0;
            for (Contender c : running) {
                if (failures.containsKey(c)) {
                    continue;
                }
                try {
                    task.beforeRun(expectedOps(opsRates.get(c), slice.toNanos()));
                    Runner.Sample warm = Runner.timed(task, c.store(), workload.callers(), slice, seed++);
                    opsRates.put(c, warm.opsRate());
                    length += slice.toMillis();
                } catch (Exception e) {
                    failures.put(c, failed(c, workload, e));
                }
            }
            long compiled = jit.millis();
            if (compiled < 0 || compiled * 20 <= length) {
                break;
            }
        }
        return seed;
    }

    private static final long WARMUP_SLICE_MS = 500;
    private static final int QUIET_SLICES = 2;

    /** Rows a delete run needs: what the rate seen so far does in the time, and half again. */
    private static long expectedOps(Double opsRate, long nanos) {
        double rate = opsRate == null ? UNKNOWN_RATE : Math.max(opsRate, 2_000);
        return (long) (rate * nanos / 1e9 * 1.5) + 200;
    }

    private List<Measurement> bulk(Workload workload, List<Contender> running) throws Exception {
        boolean ids = workload == Workload.BULK_INSERT_IDS;
        List<Entry> entries = fixture.data().entries();
        Map<Contender, double[]> rates = new HashMap<>();
        Map<Contender, ClientCost> cost = new HashMap<>();
        Map<Contender, String> failures = new HashMap<>();
        Map<Contender, Integer> sizes = new HashMap<>();
        for (Contender c : running) {
            try {
                int first = Math.max(500, entries.size() / 10);
                Runner.Sample warm = insertAll(c, entries.subList(0, first), ids);
                // Every implementation stores the whole table per run unless that would take far longer than
                // maxFixedRun (identity-id Hibernate); then as many rows as maxFixedRun allows at its rate.
                double seconds = plan.maxFixedRun().toNanos() / 1e9;
                int size = entries.size();
                if (entries.size() / Math.max(warm.rate(), 1) > 3 * seconds) {
                    size = (int) Math.max(500, Math.min(entries.size(), warm.rate() * seconds)) / 100 * 100;
                }
                sizes.put(c, size);
                warmUpBulk(c, entries.subList(0, size), ids);
                rates.put(c, new double[plan.runs()]);
            } catch (Exception e) {
                failures.put(c, failed(c, workload, e));
            }
        }
        for (int round = 0; round < plan.runs(); round++) {
            for (int i = 0; i < running.size(); i++) {
                Contender c = running.get((i + round) % running.size());
                if (failures.containsKey(c)) {
                    continue;
                }
                try {
                    Runner.Sample sample = insertAll(c, entries.subList(0, sizes.get(c)), ids);
                    rates.get(c)[round] = sample.rate();
                    cost.computeIfAbsent(c, k -> new ClientCost()).add(sample);
                } catch (Exception e) {
                    failures.put(c, failed(c, workload, e));
                }
            }
        }
        fixture.truncate();
        return measurements(workload, running, rates, cost, failures,
                c -> String.format("%,d rows per run", sizes.getOrDefault(c, 0)));
    }

    /**
     * Inserts {@code rows} (the measured size) until the JIT worked for at most a twentieth of each of
     * {@value #QUIET_SLICES} inserts in a row, or {@link Plan#maxWarmup()} is over, as a timed warm-up
     * does: one insert at full size left compilations of Osprey's insert path to the first measured runs.
     * A plan that does not wait for the JIT (quick) inserts once at full size when it has more than two runs.
     */
    private void warmUpBulk(Contender c, List<Entry> rows, boolean ids) throws Exception {
        if (plan.maxWarmup().compareTo(plan.warmup()) <= 0) {
            if (plan.runs() > 2) {
                insertAll(c, rows, ids);
            }
            return;
        }
        long deadline = System.nanoTime() + plan.maxWarmup().toNanos();
        int quiet = 0;
        while (quiet < QUIET_SLICES && System.nanoTime() < deadline) {
            JitActivity jit = JitActivity.start();
            Runner.Sample warm = insertAll(c, rows, ids);
            long compiled = jit.millis();
            if (compiled < 0) {
                return;   // the JVM does not tell: one insert, as before
            }
            quiet = compiled * 20 <= warm.seconds() * 1000 ? quiet + 1 : 0;
        }
    }

    /** One bulk insert into the emptied table, checked: every row stored (and given its id). */
    private Runner.Sample insertAll(Contender c, List<Entry> rows, boolean ids) throws Exception {
        fixture.truncate();
        Runner.Sample sample = Runner.once(() -> c.store().insertAll(rows, ids));
        Task.check(sample.units() == rows.size(), "the bulk insert reported " + sample.units() + " of " + rows.size()
                + (ids ? " rows with ids" : " rows"));
        long stored = fixture.count();
        Task.check(stored == rows.size(), "the bulk insert stored " + stored + " of " + rows.size() + " rows");
        return sample;
    }

    private List<Measurement> measurements(Workload workload, List<Contender> running, Map<Contender, double[]> rates,
                                           Map<Contender, ClientCost> cost, Map<Contender, String> failures,
                                           java.util.function.Function<Contender, String> work) {
        List<Measurement> out = new ArrayList<>();
        for (Contender c : running) {
            String failure = failures.get(c);
            ClientCost use = cost.get(c);
            out.add(new Measurement(database, workload, c.impl(), c.variant().apply(workload), c.isMain(),
                    failure == null ? rates.get(c) : new double[0], use == null ? Double.NaN : use.microsPerUnit(),
                    use == null ? Double.NaN : use.bytesPerUnit(), work.apply(c), failure));
        }
        return out;
    }

    /**
     * The process CPU time, the heap allocated and the units of a contender's measured runs. Linux counts a
     * process's CPU time in clock ticks of 10 ms, so a figure from less than {@link #MIN_NANOS} of CPU (short
     * quick-mode runs) would be off by more than a tenth: it is reported as unknown.
     */
    private static final class ClientCost {
        static final long MIN_NANOS = 100_000_000L;

        private long nanos;
        private long bytes;
        private long units;
        private boolean cpuUnknown;
        private boolean bytesUnknown;

        void add(Runner.Sample sample) {
            cpuUnknown |= sample.cpuNanos() < 0;
            bytesUnknown |= sample.allocatedBytes() < 0;
            nanos += sample.cpuNanos();
            bytes += sample.allocatedBytes();
            units += sample.units();
        }

        double microsPerUnit() {
            return cpuUnknown || units == 0 || nanos < MIN_NANOS ? Double.NaN : nanos / 1e3 / units;
        }

        double bytesPerUnit() {
            return bytesUnknown || units == 0 ? Double.NaN : (double) bytes / units;
        }
    }

    private static String describe(Measurement m) {
        if (!m.ok()) {
            return "FAILED: " + m.failure();
        }
        String per = m.workload().unit() == Workload.Unit.ROWS ? "row" : "op";
        return String.format("%,12.0f %s  (±%.0f%%, %s; client CPU %.2f µs and heap %,.0f bytes per %s)", m.median(),
                m.workload().unit().label(), m.spread() * 100, m.work(), m.cpuMicros(), m.allocatedBytes(), per);
    }

    private String failed(Contender c, Workload workload, Exception e) {
        log.println("  " + database + " " + workload.key() + " " + c.name(workload) + " failed:");
        e.printStackTrace(log);
        return describe(e);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                log.println("closing " + opened.get(i) + " failed: " + e);
            }
        }
        opened.clear();
    }
}
