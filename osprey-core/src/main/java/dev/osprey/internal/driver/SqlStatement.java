package dev.osprey.internal.driver;

import java.util.List;

/**
 * One statement ready to run: SQL text with {@code ?} placeholders and its bind values in order.
 *
 * @param sql      the SQL text, exactly as sent
 * @param binds    the values for the placeholders (may contain nulls)
 * @param readOnly true when the statement cannot write (SQLite may then run it on a reader connection)
 * @param readByKey true when it reads at most one row of one table by primary key (it ends in microseconds)
 */
public record SqlStatement(String sql, List<Object> binds, boolean readOnly, boolean readByKey) {

    public SqlStatement(String sql, List<Object> binds, boolean readOnly) {
        this(sql, binds, readOnly, false);
    }
}
