package dev.osprey;

import java.util.concurrent.CompletableFuture;

/**
 * The work of {@link Database#transaction}: uses the session it is given and returns a future of its
 * result. It may run more than once (after a serialization failure), so it must be safe to repeat:
 * no side effects outside the database that a retry would duplicate.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface TransactionWork<T> {
    CompletableFuture<T> run(Session session);
}
