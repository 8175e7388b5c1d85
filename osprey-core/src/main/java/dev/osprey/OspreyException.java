package dev.osprey;

/**
 * The root of every error Osprey raises about database work. It carries the SQL state the
 * database reported (when there is one) and the SQL text of the statement, never its bind values.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class OspreyException extends RuntimeException {
    private static final int MAX_SQL_IN_MESSAGE = 2_000;

    private final String sqlState;
    private final String sql;

    public OspreyException(String message) {
        this(message, null, null, null);
    }

    public OspreyException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    public OspreyException(String message, String sqlState, String sql, Throwable cause) {
        super(describe(message, sqlState, sql), cause);
        this.sqlState = sqlState;
        this.sql = sql;
    }

    /** The five-character SQL state reported by the database, or {@code null} when there is none. */
    public String sqlState() {
        return sqlState;
    }

    /** The SQL text of the statement that failed, or {@code null} when the failure was not tied to one. */
    public String sql() {
        return sql;
    }

    private static String describe(String message, String sqlState, String sql) {
        var text = new StringBuilder(message == null ? "database error" : message);
        if (sqlState != null) {
            text.append(" (SQL state ").append(sqlState).append(')');
        }
        if (sql != null) {
            text.append(" [SQL: ");
            text.append(sql.length() <= MAX_SQL_IN_MESSAGE ? sql : sql.substring(0, MAX_SQL_IN_MESSAGE) + "…");
            text.append(']');
        }
        return text.toString();
    }
}
