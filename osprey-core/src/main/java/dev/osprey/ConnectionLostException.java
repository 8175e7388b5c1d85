package dev.osprey;

/**
 * The connection to the database broke while it was in use (server restart, a terminated
 * backend, a network failure), or the database could not be reached when a new connection was
 * needed. The broken connection is removed from the pool; the next call gets a fresh one.
 * Whether the statement took effect is unknown unless it ran inside a transaction.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ConnectionLostException extends OspreyException {
    public ConnectionLostException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
