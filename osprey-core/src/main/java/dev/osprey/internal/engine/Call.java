package dev.osprey.internal.engine;

import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.StatementWork;

import java.util.function.Function;

/**
 * A statement rendered and ready to run: the blocking work that runs it on a connection and how
 * that work uses the connection. The {@link Engine} hands it to {@link Driver#run} on a pooled
 * connection; a session can run the same work on the connection it holds. Immutable; the work may
 * run once or several times, on any one thread at a time.
 *
 * @param mode how the work uses its connection: {@link Driver.Mode#TRANSACTION} when it runs several
 *             statements that must be stored together
 * @param work the statements to run
 * @param <T>  what the work gives
 */
public record Call<T>(Driver.Mode mode, StatementWork<T> work) {

    /**
     * The same call giving {@code after} of its result, computed on the worker, so that the future
     * the driver returns (and cancels through) is the caller's.
     */
    public <U> Call<U> map(Function<? super T, ? extends U> after) {
        StatementWork<T> first = work;
        return new Call<>(mode, runner -> after.apply(first.run(runner)));
    }
}
