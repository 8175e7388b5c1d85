package dev.osprey.internal.driver;

import java.util.List;

/**
 * One statement ready to run: SQL text with {@code ?} placeholders and its bind values in order.
 *
 * @param sql      the SQL text, exactly as sent
 * @param binds    the values for the placeholders (may contain nulls)
 * @param readOnly true when the statement cannot write (SQLite may then run it on a reader connection)
 */
public record SqlStatement(String sql, List<Object> binds, boolean readOnly) {
}
