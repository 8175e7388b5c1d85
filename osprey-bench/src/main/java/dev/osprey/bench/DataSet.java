package dev.osprey.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic contents of the benchmark table, so that a workload knows exactly how many rows
 * a filter must give without asking the database: row {@code i} (from 0) has level {@code i % 10} and
 * the text number {@code i % textValues}, where {@code textValues = rows / 20}. So a filter on one
 * text gives about 20 rows and a filter on one level a tenth of the table (10,000 rows of 100,000).
 * Immutable and thread-safe.
 */
public final class DataSet {
    /** Levels 0..9: a filter on one level gives a tenth of the table. */
    public static final int LEVELS = 10;
    /** Rows a filter on one text gives. */
    public static final int ROWS_PER_TEXT = 20;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final int rows;
    private final int textValues;

    public DataSet(int rows) {
        if (rows < LEVELS * ROWS_PER_TEXT) {
            throw new IllegalArgumentException("the table needs at least " + LEVELS * ROWS_PER_TEXT + " rows");
        }
        this.rows = rows;
        this.textValues = rows / ROWS_PER_TEXT;
    }

    public int rows() {
        return rows;
    }

    public int textValues() {
        return textValues;
    }

    /** Row {@code i} of the table. */
    public Entry entry(int i) {
        return new Entry(START.plus(i * 1_001L, ChronoUnit.MICROS), (short) (i % LEVELS), text(i % textValues));
    }

    /** All rows, in order. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            all.add(entry(i));
        }
        return all;
    }

    /** A fresh row for the write workloads (random text of the same shape). */
    public Entry randomEntry(SplittableRandom random) {
        return entry(random.nextInt(rows));
    }

    /** Text number {@code k}: about 60 characters, like a short log message. */
    public static String text(int k) {
        return "journal entry " + k + ": request served, nothing unusual to report today";
    }

    /** How many rows of the table have text number {@code k}. */
    public int rowsWithText(int k) {
        return rows / textValues + (k < rows % textValues ? 1 : 0);
    }

    /** How many rows of the table have {@code level}. */
    public int rowsWithLevel(int level) {
        return rows / LEVELS + (level < rows % LEVELS ? 1 : 0);
    }
}
