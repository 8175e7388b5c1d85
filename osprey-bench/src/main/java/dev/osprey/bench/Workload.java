package dev.osprey.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The workloads of issue 7, in the order the report lists them. Each has a unit (operations or rows
 * per second), a number of concurrent callers (virtual threads) and the share of raw JDBC's rate that
 * Osprey should reach. They run in {@link #runOrder()}: reads on the freshly loaded table first, then
 * the writes, bulk inserts (which empty the table) last.
 */
public enum Workload {
    INSERT_1("insert_1", "insert one row per transaction, 1 caller", Unit.OPS, 1, 0.95, 10),
    INSERT_8("insert_8", "insert one row per transaction, 8 callers", Unit.OPS, 8, 0.95, 11),
    BULK_INSERT_IDS("bulk_insert_ids", "bulk insert of the table in one call, ids back", Unit.ROWS, 1, 0.95, 12),
    BULK_INSERT("bulk_insert", "bulk insert of the table in one call, no ids needed", Unit.ROWS, 1, 0.95, 13),
    GET_1("get_1", "get by primary key, 1 caller", Unit.OPS, 1, 0.95, 0),
    GET_8("get_8", "get by primary key, 8 callers", Unit.OPS, 8, 0.95, 1),
    GET_64("get_64", "get by primary key, 64 callers (8 connections)", Unit.OPS, 64, 0.95, 2),
    FILTER_20("filter_20", "filter returning ~20 rows into entities", Unit.OPS, 1, 0.95, 3),
    FILTER_10K("filter_10k", "filter returning a tenth of the table (10,000 rows) into entities", Unit.ROWS, 1, 0.8, 4),
    UPDATE_READ_WRITE("update_read_write", "update one column by primary key: read, then write, in a transaction",
            Unit.OPS, 8, 0.95, 6),
    UPDATE_STATEMENT("update_statement", "update one column by primary key: one UPDATE statement", Unit.OPS, 8, 0.95, 7),
    INCREMENT("increment", "atomic count = count + 1 by primary key", Unit.OPS, 8, 0.95, 8),
    DELETE("delete", "delete by primary key", Unit.OPS, 8, 0.95, 9),
    PAGE("page", "page through the whole table, 100 rows a page (keyset)", Unit.ROWS, 1, 0.95, 5);

    /** What a workload's rate counts. */
    public enum Unit {
        OPS("ops/s"), ROWS("rows/s");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String key;
    private final String label;
    private final Unit unit;
    private final int callers;
    private final double target;
    private final int runPosition;

    Workload(String key, String label, Unit unit, int callers, double target, int runPosition) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.callers = callers;
        this.target = target;
        this.runPosition = runPosition;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public int callers() {
        return callers;
    }

    /** The Osprey/JDBC ratio Osprey should reach (PERFORMANCE.md): 0.95, or 0.8 for rows into entities. */
    public double target() {
        return target;
    }

    /** Whether one run is one call on a fresh table (bulk inserts) rather than callers looping for a time. */
    public boolean fixedWork() {
        return this == BULK_INSERT || this == BULK_INSERT_IDS;
    }

    /** Whether the workload only reads the loaded table (and checks what it reads against the data set). */
    public boolean readsOnly() {
        return this == GET_1 || this == GET_8 || this == GET_64 || this == FILTER_20 || this == FILTER_10K
                || this == PAGE;
    }

    /** All workloads in the order they run. */
    public static List<Workload> runOrder() {
        List<Workload> all = new ArrayList<>(List.of(values()));
        all.sort(Comparator.comparingInt(w -> w.runPosition));
        return all;
    }

    public static Workload of(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (Workload workload : values()) {
            if (workload.key.equals(wanted)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + key + "'; the workloads are "
                + String.join(", ", List.of(values()).stream().map(Workload::key).toList()));
    }
}
