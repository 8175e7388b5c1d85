package dev.osprey;

/**
 * Makes sessions with one set of {@link SessionOptions}, as SQLAlchemy's {@code async_sessionmaker}
 * does: built once by {@link Database#sessions(SessionOptions)} and shared. Thread-safe.
 */
public interface SessionFactory {

    /** A new session with these options. */
    Session open();

    /** {@link Database#transaction(SessionOptions, TransactionWork)} with these options. */
    <T> java.util.concurrent.CompletableFuture<T> transaction(TransactionWork<T> work);

    SessionOptions options();
}
