package dev.osprey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link Bench}. Immutable.
 *
 * @param databases the databases to run on, in order
 * @param urls      the URL of each (options, else environment, else the defaults)
 * @param workloads the workloads to run
 * @param impls     the implementations to run
 * @param plan      quick or full
 * @param out       where the report goes
 */
public record Options(List<BenchDatabase> databases, Map<BenchDatabase, String> urls, List<Workload> workloads,
                      Set<Impl> impls, Plan plan, Path out) {

    static final String USAGE = """
            usage: Bench [options]
              --db sqlite,postgresql,mariadb      databases to run on (default: all three)
              --workloads a,b                     workloads (default: all): %s
              --impl osprey,jdbc,hibernate        implementations (default: all three)
              --quick                             about a minute for all three databases (CI smoke test)
              --runs N                            measured runs per workload and implementation (default: 5; quick: 2)
              --run-seconds S                     length of one measured run of a timed workload (default: 1)
              --out DIR                           where results.md, results.csv and ratios.png go
                                                  (default: osprey-bench/target/bench)
              --postgres-url URL                  default $OSPREY_BENCH_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/test
              --mariadb-url URL                   default $OSPREY_BENCH_MARIADB_URL or mariadb://root@127.0.0.1:3306/test
              --sqlite-url URL                    default sqlite:osprey-bench/target/bench-sqlite/bench.db
            """.formatted(String.join(", ", java.util.Arrays.stream(Workload.values()).map(Workload::key).toList()));

    /** Parses {@code args}; throws {@link IllegalArgumentException} with the reason and the usage. */
    public static Options parse(String... args) {
        Path home = home();
        List<BenchDatabase> databases = List.of(BenchDatabase.values());
        List<Workload> workloads = List.of(Workload.values());
        Set<Impl> impls = Set.of(Impl.values());
        Plan plan = Plan.FULL;
        Path out = home.resolve("target").resolve("bench");
        var urls = new java.util.EnumMap<BenchDatabase, String>(BenchDatabase.class);
        Integer runs = null;
        Double runSeconds = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--quick" -> plan = Plan.QUICK;
                case "--full" -> plan = Plan.FULL;
                case "--help", "-h" -> throw new IllegalArgumentException("");
                case "--db", "--workloads", "--impl", "--out", "--postgres-url", "--mariadb-url", "--sqlite-url",
                     "--runs", "--run-seconds" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--db" -> databases = list(value, BenchDatabase::of);
                        case "--workloads" -> workloads = list(value, Workload::of);
                        case "--impl" -> impls = new LinkedHashSet<>(list(value, Impl::of));
                        case "--out" -> out = Path.of(value);
                        case "--postgres-url" -> urls.put(BenchDatabase.POSTGRESQL, value);
                        case "--mariadb-url" -> urls.put(BenchDatabase.MARIADB, value);
                        case "--runs" -> runs = (int) number(arg, value, 1, 1_000, true);
                        case "--run-seconds" -> runSeconds = number(arg, value, 0.05, 600, false);
                        default -> urls.put(BenchDatabase.SQLITE, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        for (BenchDatabase database : BenchDatabase.values()) {
            if (!urls.containsKey(database)) {
                String env = database.environmentVariable() == null ? null : System.getenv(database.environmentVariable());
                urls.put(database, env == null || env.isBlank() ? database.defaultUrl(home) : env);
            }
        }
        if (runs != null) {
            plan = plan.withRuns(runs);
        }
        if (runSeconds != null) {
            plan = plan.withRun(java.time.Duration.ofNanos((long) (runSeconds * 1e9)));
        }
        return new Options(databases, Map.copyOf(urls), workloads, Set.copyOf(impls), plan, out);
    }

    /** {@code value} of {@code option} as a number from {@code min} to {@code max}, a whole one if {@code whole}. */
    private static double number(String option, String value, double min, double max, boolean whole) {
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max && (!whole || number == Math.rint(number))) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes " + (whole ? "a whole number" : "a number") + " from "
                + (whole ? String.valueOf((long) min) : String.valueOf(min)) + " to " + (long) max + ", not '" + value + "'");
    }

    private static <T> List<T> list(String value, java.util.function.Function<String, T> parse) {
        List<T> items = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                T item = parse.apply(part);
                if (!items.contains(item)) {
                    items.add(item);
                }
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an empty list: '" + value + "'");
        }
        return items;
    }

    /**
     * The osprey-bench folder: the {@code osprey.bench.home} property (set by the exec plugin, which runs
     * in Maven's own process and working folder), else ./osprey-bench when run from the repository root,
     * else the working folder.
     */
    static Path home() {
        String configured = System.getProperty("osprey.bench.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path module = Path.of("osprey-bench");
        return Files.isDirectory(module.resolve("src")) ? module : Path.of("");
    }
}
