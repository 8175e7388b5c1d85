package dev.osprey.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Assertions on how a future failed. */
public final class Futures {
    private Futures() {
    }

    /** Asserts that {@code future} failed with a {@code type} and returns that exception. */
    public static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        Throwable thrown = catchThrowable(future::join);
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).isInstanceOf(type);
        return type.cast(thrown.getCause());
    }
}
