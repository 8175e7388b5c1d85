package dev.osprey.internal.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row in the representation its dialect chose for that column type. */
@FunctionalInterface
public interface ColumnReader {
    ColumnReader OBJECT = ResultSet::getObject;

    Object read(ResultSet rs, int column) throws SQLException;
}
