package dev.osprey.bench;

import java.time.Duration;

/**
 * How much work a benchmark run does: the table size, and for each workload × implementation a
 * warm-up followed by measured runs. Timed workloads run their callers for a fixed time; bulk inserts
 * store a fixed number of rows per run, fewer for an implementation whose warm-up shows that the full
 * number would take longer than {@code maxFixedRun} (its rate is what counts). Immutable.
 *
 * <p>A warm-up lasts at least {@code warmup}, and goes on while the JIT still compiles (up to
 * {@code maxWarmup}): a contender whose code is new to the process (Osprey's flush the first time a
 * transaction writes) would otherwise pay for its compilation in the measured runs, and the others not.
 * On this project's 2-CPU machines C2 worked for 5–6 s of CPU before Osprey's read-then-write on
 * PostgreSQL ran compiled, run alone; hence 30 s. A plan whose {@code maxWarmup} is not longer than its
 * {@code warmup} does not wait for the JIT at all.
 *
 * @param name        "quick" or "full"
 * @param tableRows   rows in the table the reads use, and rows per bulk insert
 * @param warmup      how long callers run at least before measuring (timed workloads)
 * @param maxWarmup   how long they run at most before measuring, while the JIT compiles
 * @param run         how long one measured run lasts (timed workloads)
 * @param runs        measured runs per workload × implementation
 * @param maxFixedRun longest a bulk insert run should take
 */
public record Plan(String name, int tableRows, Duration warmup, Duration maxWarmup, Duration run, int runs,
                   Duration maxFixedRun) {

    /** About a minute for all three databases: the CI smoke test. Figures are indicative only. */
    public static final Plan QUICK = new Plan("quick", 10_000, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), 2,
            Duration.ofMillis(150));

    /** About 7–8 minutes per database (22 for all three on this project's machines). */
    public static final Plan FULL = new Plan("full", 100_000, Duration.ofMillis(1500), Duration.ofSeconds(30), Duration.ofSeconds(1), 5,
            Duration.ofSeconds(2));

    /** This plan with {@code runs} measured runs. */
    public Plan withRuns(int runs) {
        return new Plan(name, tableRows, warmup, maxWarmup, run, runs, maxFixedRun);
    }

    /** This plan with measured runs of {@code run} each (timed workloads). */
    public Plan withRun(Duration run) {
        return new Plan(name, tableRows, warmup, maxWarmup, run, runs, maxFixedRun);
    }
}
