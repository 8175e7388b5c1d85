package dev.osprey.internal.driver;

/**
 * Makes one result row object from the row's raw values, read with the dialect's column readers
 * in select order. The array is reused for the next row of the same result, so a mapper must copy
 * what it keeps (the query projections do: they build new objects from the values). Mappers run
 * on the driver's worker thread; they may throw {@link IllegalArgumentException} for a value they
 * cannot convert, which fails the call.
 *
 * @param <T> one row
 */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Object[] raw);

    /**
     * The Java type this mapper wants column {@code index} (0-based) read as, so the dialect can pick a
     * typed getter for it; {@code null} (the default) takes the driver's own representation. A hint
     * only: the mapper still converts whatever it is given.
     */
    default Class<?> readAs(int index) {
        return null;
    }

    /**
     * A reader that builds each row straight from {@code columns} (typed reads, no raw-value array), or
     * {@code null} (the default) to have rows built by {@link #map}. Asked once per result.
     */
    default Reader<T> reader(ResultColumns columns) {
        return null;
    }

    /** Builds the current row of the result it was made for. */
    @FunctionalInterface
    interface Reader<T> {
        T read() throws java.sql.SQLException;
    }
}
