package dev.osprey.internal.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row in the representation its dialect chose for that column type. */
@FunctionalInterface
public interface ColumnReader {
    ColumnReader OBJECT = ResultSet::getObject;

    /** A text column through {@code getString}, without the driver's type dispatch of {@code getObject}. */
    ColumnReader STRING = ResultSet::getString;

    /**
     * An integer column as a {@code Long} through {@code getLong}, without {@code getObject}'s type dispatch;
     * only a 0 is asked whether it was NULL. For columns whose every value a long holds.
     */
    ColumnReader LONG = wholeNumbers((rs, column) -> {
        long value = rs.getLong(column);
        return value == 0 && rs.wasNull() ? null : (Object) value;
    });

    Object read(ResultSet rs, int column) throws SQLException;

    /**
     * Whether the column is of an integer type whose every value {@code getLong} reads exactly, so that
     * a primitive field may be read with it, unboxed.
     */
    default boolean wholeNumbers() {
        return false;
    }

    /** {@code reader}, for a column of an integer type that {@code getLong} reads exactly. */
    static ColumnReader wholeNumbers(ColumnReader reader) {
        return new ColumnReader() {
            @Override
            public Object read(ResultSet rs, int column) throws SQLException {
                return reader.read(rs, column);
            }

            @Override
            public boolean wholeNumbers() {
                return true;
            }
        };
    }
}
