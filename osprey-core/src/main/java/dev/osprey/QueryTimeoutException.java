package dev.osprey;

/**
 * A statement ran longer than its statement timeout and was cancelled on the server. Its
 * connection went back to the pool in a clean state.
 *
 * <p>Immutable and safe to share between threads.
 */
public class QueryTimeoutException extends OspreyException {
    public QueryTimeoutException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
