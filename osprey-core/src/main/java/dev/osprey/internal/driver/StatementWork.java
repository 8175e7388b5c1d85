package dev.osprey.internal.driver;

/**
 * Blocking work with the statements of one connection, run by {@link Driver#run} on the driver's
 * worker (a virtual thread, or SQLite's JDBC thread). It must not keep the runner after it returns.
 *
 * @param <T> what the work produces
 */
@FunctionalInterface
public interface StatementWork<T> {
    T run(StatementRunner runner);
}
