package dev.osprey.internal.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row in the representation its dialect chose for that column type. */
@FunctionalInterface
public interface ColumnReader {
    ColumnReader OBJECT = ResultSet::getObject;

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
