package dev.osprey;

/**
 * The database cancelled a statement for a reason other than Osprey's own timeout or a
 * {@code future.cancel(...)} by the caller (those give {@link QueryTimeoutException} and a
 * cancelled future): for example an administrator's {@code pg_cancel_backend} or {@code KILL QUERY}.
 *
 * <p>Immutable and safe to share between threads.
 */
public class QueryCancelledException extends OspreyException {
    public QueryCancelledException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
