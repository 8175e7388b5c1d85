package dev.osprey;

/**
 * A statement broke a constraint: a unique key, NOT NULL, a foreign key or a check. The
 * {@linkplain #constraint() constraint name} is given when the database reports one
 * (PostgreSQL and MariaDB name unique, foreign-key and check constraints; SQLite names only checks).
 *
 * <p>Immutable and safe to share between threads.
 */
public class IntegrityViolationException extends OspreyException {
    /** Which kind of constraint was broken. */
    public enum Kind { UNIQUE, NOT_NULL, FOREIGN_KEY, CHECK, OTHER }

    private final Kind kind;
    private final String constraint;

    public IntegrityViolationException(String message, Kind kind, String constraint, String sqlState, String sql,
                                       Throwable cause) {
        super(message, sqlState, sql, cause);
        this.kind = kind;
        this.constraint = constraint;
    }

    public Kind kind() {
        return kind;
    }

    /** The name of the violated constraint, or {@code null} when the database did not report it. */
    public String constraint() {
        return constraint;
    }
}
