package dev.osprey.bench;

import java.util.Set;
import java.util.function.Function;

/**
 * One implementation's way of running some workloads: the main way of {@link Impl} ({@code variant}
 * "default"), or a variant reported beside it (Osprey through a session; JDBC's other bulk inserts).
 * The main JDBC contender names its bulk insert method per workload. Immutable.
 *
 * @param impl      whose code it is
 * @param variant   how it differs from the main way, per workload ("default" for the main way)
 * @param store     the code
 * @param workloads what it runs (null: every workload)
 */
record Contender(Impl impl, Function<Workload, String> variant, JournalStore store, Set<Workload> workloads) {
    static final String DEFAULT = "default";

    static Contender main(Impl impl, JournalStore store, Function<Workload, String> variant) {
        return new Contender(impl, variant, store, null);
    }

    static Contender variant(Impl impl, String variant, JournalStore store, Set<Workload> workloads) {
        return new Contender(impl, w -> variant, store, workloads);
    }

    boolean runs(Workload workload) {
        return workloads == null || workloads.contains(workload);
    }

    /** Whether this is the implementation's main way (the one the ratios use for Osprey and Hibernate). */
    boolean isMain() {
        return workloads == null;
    }

    /** {@code osprey}, {@code jdbc (COPY)}: how the report names it for {@code workload}. */
    String name(Workload workload) {
        String v = variant.apply(workload);
        return DEFAULT.equals(v) ? impl.key() : impl.key() + " (" + v + ")";
    }
}
