package dev.osprey;

import java.time.Duration;
import java.util.List;

/**
 * Observes every statement Osprey sends: for logging, metrics or tests. {@code echo} in
 * {@link Config} is one such listener that logs through SLF4J. Listeners are called on the thread
 * that runs the statement, must be quick, must be safe to call from many threads at once, and must
 * not throw (an exception from a listener is logged and otherwise ignored).
 */
public interface StatementListener {

    /** Called just before the statement is sent. */
    default void started(String sql, List<Object> binds) {
    }

    /**
     * Called when the statement has finished.
     *
     * @param rows     rows affected or rows read; {@code -1} when it failed
     * @param failure  the error as the caller will see it, or {@code null} on success
     */
    default void finished(String sql, List<Object> binds, Duration elapsed, long rows, Throwable failure) {
    }
}
