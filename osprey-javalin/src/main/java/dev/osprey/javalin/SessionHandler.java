package dev.osprey.javalin;

import dev.osprey.Session;
import io.javalin.http.Context;

import java.util.concurrent.CompletionStage;

/**
 * The work of one request, given the request's {@link Session}: reads the request from {@code ctx},
 * uses the session and gives a stage of the value to send as JSON ({@code null} to send nothing).
 * {@link RequestSessions} commits the session when the stage completes normally and rolls it back when
 * this method throws or the stage fails.
 *
 * <p>After a serialization failure or a deadlock the whole handler runs again in a fresh session, so it
 * must be safe to repeat: no side effects outside the database that a retry would duplicate.
 * Implementations are usually lambdas; they are called by many requests at once, so must be thread-safe.
 */
@FunctionalInterface
public interface SessionHandler {

    /**
     * Handles one request in {@code session}.
     *
     * @return a stage of the response body, or of {@code null} when the handler wrote the response itself
     *         (a 204, say)
     * @throws Exception anything; it rolls the session back and reaches the app's exception handlers
     */
    CompletionStage<?> handle(Context ctx, Session session) throws Exception;
}
