package dev.osprey.internal.session;

import dev.osprey.SerializationFailureException;
import dev.osprey.Session;
import dev.osprey.SessionFactory;
import dev.osprey.SessionOptions;
import dev.osprey.TransactionWork;
import dev.osprey.internal.driver.CallFuture;
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

    /**
     * One try: the work, then the commit, then the session's close, each started from the end of the one
     * before (one stage each; a thread that joins the result runs their statements, see {@link CallFuture}).
     * A failure closes the session and, for a serialization failure with retries left, tries again.
     */
    private <T> CompletableFuture<T> attempt(TransactionWork<T> work, int retry) {
        var session = new SessionImpl(driver, statements, options);
        CompletableFuture<T> result;
        try {
            result = Objects.requireNonNull(work.run(session), "the transaction's work gave no future");
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        var outcome = new CallFuture<T>();
        outcome.waitsOn(result);
        result.whenComplete((value, error) -> {
            if (error != null) {
                failed(session, work, retry, SessionImpl.unwrap(error), outcome);
                return;
            }
            CompletableFuture<Void> committed;
            try {
                committed = session.commit();
            } catch (RuntimeException e) {
                failed(session, work, retry, e, outcome);
                return;
            }
            outcome.waitsOn(committed);
            committed.whenComplete((ignored, commitError) -> {
                if (commitError != null) {
                    failed(session, work, retry, SessionImpl.unwrap(commitError), outcome);
                    return;
                }
                CompletableFuture<Void> closed = session.closeAsync();
                if (closed.isDone() && !closed.isCompletedExceptionally()) {
                    outcome.complete(value);   // the commit gave the connection back: nothing left to end
                    return;
                }
                outcome.waitsOn(closed);
                closed.whenComplete((unused, closeError) -> {
                    if (closeError != null) {
                        outcome.completeExceptionally(SessionImpl.unwrap(closeError));
                    } else {
                        outcome.complete(value);
                    }
                });
            });
        });
        return outcome;
    }

    /** Closes the session after {@code cause}, then retries or fails {@code outcome} with it. */
    private <T> void failed(SessionImpl session, TransactionWork<T> work, int retry, Throwable cause,
                            CallFuture<T> outcome) {
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
        outcome.waitsOn(next);
        next.whenComplete((value, error) -> {
            if (error != null) {
                outcome.completeExceptionally(SessionImpl.unwrap(error));
            } else {
                outcome.complete(value);
            }
        });
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
