package dev.osprey;

/**
 * No pooled connection became free within the configured acquire timeout
 * ({@link Config.Builder#acquireTimeout}). Nothing was sent to the database.
 *
 * <p>Immutable and safe to share between threads.
 */
public class PoolTimeoutException extends OspreyException {
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
