package dev.osprey.bench;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.Target;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI smoke test of the benchmark: {@code --quick} on each database (a server that is down is
 * skipped locally and fails the build with {@code CI=true}, as everywhere in the suite) must write its
 * three files and give every workload × implementation a positive median. Nothing about speed is
 * asserted.
 */
class QuickBenchTest {

    @OnEachDatabase
    void quickModeMeasuresEveryWorkloadOfEveryImplementation(TestDb db, @TempDir Path out) throws Exception {
        String url = db.url();   // reachable, or skipped (failed in CI)
        BenchDatabase database = switch (db.target()) {
            case SQLITE -> BenchDatabase.SQLITE;
            case POSTGRESQL -> BenchDatabase.POSTGRESQL;
            case MARIADB -> BenchDatabase.MARIADB;
        };
        String urlOption = switch (database) {
            case SQLITE -> "--sqlite-url";
            case POSTGRESQL -> "--postgres-url";
            case MARIADB -> "--mariadb-url";
        };
        if (db.target() == Target.SQLITE) {
            url = "sqlite:" + out.resolve("bench.db");   // a file of its own, beside the report
        }
        var log = new ByteArrayOutputStream();
        Report report = Bench.run(Options.parse("--quick", "--db", database.key(), "--out", out.toString(),
                urlOption, url), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(out.resolve("results.md")).isNotEmptyFile();
        assertThat(out.resolve("results.csv")).isNotEmptyFile();
        assertThat(out.resolve("ratios.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("results.md"))).contains("## " + database.label());
        assertThat(report.failures()).as(log.toString(StandardCharsets.UTF_8)).isZero();

        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        List<String> header = List.of(lines.getFirst().split(","));
        List<String> missing = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            for (Impl impl : Impl.values()) {
                boolean measured = lines.stream().skip(1).map(line -> row(header, line))
                        .anyMatch(row -> row.get("database").equals(database.key())
                                && row.get("workload").equals(workload.key())
                                && row.get("implementation").equals(impl.key())
                                && row.get("main").equals("true")
                                && Double.parseDouble(row.get("median")) > 0);
                if (!measured) {
                    missing.add(workload.key() + " × " + impl.key());
                }
            }
        }
        assertThat(missing).as("workloads without a positive median on " + database).isEmpty();
        List<Map<String, String>> rows = lines.stream().skip(1).map(line -> row(header, line)).toList();
        assertThat(rows).allSatisfy(row -> {
            assertThat(Double.parseDouble(row.get("median"))).as(row.toString()).isPositive();
            // short runs can use less CPU than the figure needs to be told (then NaN), never none at all
            assertThat(row.get("cpu_us_per_unit")).as(row.toString())
                    .satisfiesAnyOf(cpu -> assertThat(cpu).isEqualTo("NaN"),
                            cpu -> assertThat(Double.parseDouble(cpu)).isPositive());
            // every call allocates: at the least the caller's statement and its result
            assertThat(Double.parseDouble(row.get("bytes_per_unit"))).as(row.toString()).isPositive();
        });
        assertThat(rows).as("rows with a client CPU figure on " + database)
                .anySatisfy(row -> assertThat(Double.parseDouble(row.get("cpu_us_per_unit"))).isPositive());
    }

    /** The first columns of a CSV line by name (the quoted ones at the end are not needed). */
    private static Map<String, String> row(List<String> header, String line) {
        String[] cells = line.split(",", header.size());
        var row = new java.util.HashMap<String, String>();
        for (int i = 0; i < header.indexOf("runs"); i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }
}
