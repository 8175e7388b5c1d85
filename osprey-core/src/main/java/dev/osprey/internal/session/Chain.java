package dev.osprey.internal.session;

import dev.osprey.internal.driver.CallFuture;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Composition of futures that passes cancellation on. {@code a.thenCompose(f)} gives a future whose
 * {@code cancel} only completes that future: the statement the inner future runs would go on. A
 * session's operations are such chains (autoflush, then the statement), so they are built with
 * these instead. The futures are {@link CallFuture}s, so a thread that waits for one runs the
 * statements of the stage it waits on. Stateless.
 */
final class Chain {
    private Chain() {
    }

    /** {@code first}, then {@code next} of its value; cancelling the result cancels whichever of the two runs. */
    static <A, B> CompletableFuture<B> then(CompletableFuture<A> first,
                                            Function<? super A, ? extends CompletableFuture<B>> next) {
        if (first.isDone() && !first.isCompletedExceptionally()) {
            try {   // nothing left to cancel in first (a flush with nothing to write): next's future is the result
                return next.apply(first.join());
            } catch (Throwable t) {
                return CompletableFuture.failedFuture(t);
            }
        }
        var result = new CallFuture<B>();
        result.waitsOn(first);
        var inner = new AtomicReference<CompletableFuture<B>>();
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                first.cancel(true);
                CompletableFuture<B> running = inner.get();
                if (running != null) {
                    running.cancel(true);
                }
            }
        });
        first.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(SessionImpl.unwrap(error));
                return;
            }
            if (result.isDone()) {
                return;
            }
            CompletableFuture<B> running;
            try {
                running = next.apply(value);
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            inner.set(running);
            result.waitsOn(running);
            if (result.isCancelled()) {
                running.cancel(true);   // cancelled while next was being started
            }
            running.whenComplete((b, e) -> {
                if (e != null) {
                    result.completeExceptionally(SessionImpl.unwrap(e));
                } else {
                    result.complete(b);
                }
            });
        });
        return result;
    }

    /** {@code source} mapped by {@code mapping}; cancelling the result cancels {@code source}. */
    static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<? super A, ? extends B> mapping) {
        var result = new CallFuture<B>();
        result.waitsOn(source);
        source.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(SessionImpl.unwrap(error));
                return;
            }
            if (result.isDone()) {
                return;   // cancelled: the value is not used
            }
            B mapped;
            try {
                mapped = mapping.apply(value);
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            result.complete(mapped);
        });
        if (!source.isDone()) {
            result.whenComplete((value, error) -> {
                if (result.isCancelled()) {
                    source.cancel(true);
                }
            });
        }
        return result;
    }
}
