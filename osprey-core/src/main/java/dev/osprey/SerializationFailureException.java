package dev.osprey;

/**
 * The database gave up on a transaction because it conflicted with another one: a serialization
 * failure, a deadlock, a lock-wait timeout, or (SQLite) a database locked by another process.
 * Repeating the whole transaction is expected to succeed; {@code db.transaction(...)} does so.
 *
 * <p>Immutable and safe to share between threads.
 */
public class SerializationFailureException extends OspreyException {
    public SerializationFailureException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
