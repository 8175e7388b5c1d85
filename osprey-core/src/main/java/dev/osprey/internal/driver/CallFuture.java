package dev.osprey.internal.driver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A future of database work whose waiting thread may do that work itself. Each call Osprey starts
 * ({@link Operation}) offers its work to its own call thread and to any thread that waits for it,
 * and whichever claims it first runs it: a caller that would only park until the result is there
 * runs the statements instead, which spares the two thread switches of handing the work over and
 * back (for a single-row read, about as much time as the read).
 *
 * <p>A CallFuture knows which future it waits on: the one it was made from ({@code thenApply},
 * {@code handle}, ...), the future a {@code thenCompose} function gave, or one set with
 * {@link #waitsOn}. {@link #join()} and {@link #get()} follow those links to the call that has work
 * ready and run it, again until this future is done or nothing is left to run here; then they wait
 * as usual. The timed {@code get} and an interrupted thread only wait. Thread-safe.
 */
public class CallFuture<T> extends CompletableFuture<T> {
    /**
     * Where a waiting thread looks for work: a CallFuture, a {@link Composed}, or another future (no work
     * to help with). It changes as a chain of stages moves on.
     */
    private volatile Object target;

    public CallFuture() {
    }

    private CallFuture(CompletableFuture<?> source) {
        this.target = source;
    }

    /** From now on, a thread that waits for this future helps {@code other} (if it is a CallFuture). */
    public void waitsOn(CompletionStage<?> other) {
        target = other;
    }

    /**
     * Runs, on this thread, work that this future waits for and that nobody has started: whether
     * there was any.
     */
    boolean help() {
        if (isDone() || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return helpWith(target);
    }

    private static boolean helpWith(Object target) {
        if (target instanceof CallFuture<?> call) {
            return call.help();
        }
        return target instanceof Composed composed && composed.help();
    }

    private void helpAll() {
        while (help()) {
            // each round runs one call; the chain may then wait on the next one
        }
    }

    @Override
    public T join() {
        helpAll();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        helpAll();
        return super.get();
    }

    /** Futures made from this one ({@code thenApply}, {@code handle}, ...) wait on it. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CallFuture<>(this);
    }

    /** The result waits on this future, then on the future {@code fn} gives. */
    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        var inner = new Link();
        CompletableFuture<U> result = super.thenCompose(value -> {
            CompletionStage<U> next = fn.apply(value);
            inner.target = next;
            return next;
        });
        if (result instanceof CallFuture<U> call) {
            call.target = new Composed(this, inner);
        }
        return result;
    }

    /** Where to look for the future a {@code thenCompose} function gave, once it gave one. */
    private static final class Link {
        volatile Object target;
    }

    /** A composed future's work: the inner future once the function gave it, the outer one before. */
    private record Composed(CallFuture<?> outer, Link inner) {
        boolean help() {
            Object next = inner.target;
            return next == null ? outer.help() : helpWith(next);
        }
    }
}
