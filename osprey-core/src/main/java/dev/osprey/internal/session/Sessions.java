package dev.osprey.internal.session;

import dev.osprey.SerializationFailureException;
import dev.osprey.Session;
import dev.osprey.SessionFactory;
import dev.osprey.SessionOptions;
import dev.osprey.TransactionWork;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.engine.StatementExecutor;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SessionFactory} of one set of options, and {@code transaction}: the work in a new
 * session, committed on success, rolled back on failure, and after a
 * {@link SerializationFailureException} run again in a fresh session (up to
 * {@link SessionOptions#maxRetries()} times, waiting a jittered, doubling backoff scheduled with
 * {@link CompletableFuture#delayedExecutor}: no thread sleeps). Immutable and thread-safe.
 */
public final class Sessions implements SessionFactory {
    private final Driver driver;
    private final StatementExecutor statements;
    private final SessionOptions options;

    public Sessions(Driver driver, StatementExecutor statements, SessionOptions options) {
        this.driver = driver;
        this.statements = statements;
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Session open() {
        return new SessionImpl(driver, statements, options);
    }

    @Override
    public SessionOptions options() {
        return options;
    }

    @Override
    public <T> CompletableFuture<T> transaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return attempt(work, 0);
    }

    private <T> CompletableFuture<T> attempt(TransactionWork<T> work, int retry) {
        var session = new SessionImpl(driver, statements, options);
        CompletableFuture<T> result;
        try {
            result = Objects.requireNonNull(work.run(session), "the transaction's work gave no future");
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result
                .thenCompose(value -> session.commit().thenApply(committed -> value))
                .handle((value, error) -> {
                    if (error == null) {
                        return session.closeAsync().thenApply(closed -> value);
                    }
                    Throwable cause = SessionImpl.unwrap(error);
                    CompletableFuture<T> next = session.closeAsync().handle((closed, closeError) -> {
                        if (closeError != null) {
                            cause.addSuppressed(SessionImpl.unwrap(closeError));
                        }
                        return null;
                    }).thenCompose(closed -> {
                        if (retry < options.maxRetries() && isSerializationFailure(cause)) {
                            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(
                                            backoffNanos(retry), TimeUnit.NANOSECONDS))
                                    .thenCompose(waited -> attempt(work, retry + 1));
                        }
                        return CompletableFuture.failedFuture(cause);
                    });
                    return next;
                })
                .thenCompose(f -> f);
    }

    /** The first backoff doubled {@code retry} times, times a random factor in [0.5, 1.5). */
    private long backoffNanos(int retry) {
        long base = options.retryBackoff().toNanos();
        long doubled = base << Math.min(retry, 20);
        return (long) (doubled * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    static boolean isSerializationFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerializationFailureException) {
                return true;
            }
            if (!(t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                    && t.getCause() == null) {
                return false;
            }
        }
        return false;
    }
}
