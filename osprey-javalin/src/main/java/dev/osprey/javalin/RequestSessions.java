package dev.osprey.javalin;

import dev.osprey.Database;
import dev.osprey.Session;
import dev.osprey.SessionFactory;
import dev.osprey.SessionOptions;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Session per request for Javalin: turns a {@link SessionHandler} into a plain Javalin {@link Handler}
 * that runs it in a new session's transaction.
 *
 * <pre>{@code
 * RequestSessions sessions = RequestSessions.of(db);
 * config.routes.get("/users/{id}", sessions.readOnly((ctx, s) -> s.get(User.class, Long.parseLong(ctx.pathParam("id")))));
 * config.routes.post("/users", sessions.transactional((ctx, s) -> {
 *     User user = s.add(ctx.bodyAsClass(User.class));
 *     ctx.status(201);
 *     return s.flush().thenApply(done -> user);          // committed, then sent as JSON
 * }));
 * }</pre>
 *
 * <ul>
 *   <li>The handler runs through Javalin's {@code ctx.future(...)}: no request thread waits for the database.</li>
 *   <li>When its stage completes normally the session commits, then the value is sent with
 *       {@code ctx.json(value)}; a {@code null} value sends nothing (the handler chose the status). Javalin's
 *       JSON mappers send a {@code String} as it is, taking it for JSON already.</li>
 *   <li>When the handler throws or its stage fails (or the commit fails), the session rolls back and the
 *       exception, unwrapped from {@link CompletionException} and {@link ExecutionException}, goes to the
 *       app's exception handlers.</li>
 *   <li>A serialization failure or a deadlock runs the handler again in a fresh session, up to
 *       {@link SessionOptions#maxRetries()} times (Javalin caches the request body, so it can be read again).</li>
 *   <li>When Javalin cancels the request's future (its {@code http.asyncTimeout}) or the container reports
 *       an error on the request (the server stopping), the session's running and queued statements are
 *       cancelled on the server and the transaction rolls back. Jetty does not notice a client that goes away
 *       while the handler runs; {@link SessionOptions#statementTimeout()} bounds that case.</li>
 *   <li>{@link #session(Context)} gives the request's session to code that only has the {@code Context}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: make one per database and share it between all routes and requests.
 */
public final class RequestSessions {
    private static final String ATTRIBUTE = RequestSessions.class.getName() + ".session";

    private final SessionFactory writers;
    private final SessionFactory readers;

    private RequestSessions(SessionFactory writers, SessionFactory readers) {
        this.writers = writers;
        this.readers = readers;
    }

    /** Request sessions with {@link SessionOptions#defaults()}. */
    public static RequestSessions of(Database db) {
        return of(db, SessionOptions.defaults());
    }

    /**
     * Request sessions with {@code options} (isolation, statement timeout, retries, autoflush);
     * {@link #readOnly} uses the same options made read-only.
     */
    public static RequestSessions of(Database db, SessionOptions options) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(options, "options");
        return new RequestSessions(db.sessions(options), db.sessions(options.toBuilder().readOnly(true).build()));
    }

    /** A handler that runs {@code handler} in a new session's transaction, committed when it succeeds. */
    public Handler transactional(SessionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return ctx -> ctx.future(() -> run(ctx, handler, writers));
    }

    /**
     * {@link #transactional} in a read-only session: writes fail with the session's read-only error. On
     * SQLite the session reads from the pool of readers, beside the single writer.
     */
    public Handler readOnly(SessionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return ctx -> ctx.future(() -> run(ctx, handler, readers));
    }

    /**
     * The session of the request {@code ctx} while its handler runs, for code that has only the context.
     *
     * @throws IllegalStateException outside a handler of {@code RequestSessions}
     */
    public static Session session(Context ctx) {
        Session session = ctx.attribute(ATTRIBUTE);
        if (session == null) {
            throw new IllegalStateException("no Osprey session: " + ctx.method() + " " + ctx.path()
                    + " is not running in a RequestSessions handler");
        }
        return session;
    }

    private static CompletableFuture<Void> run(Context ctx, SessionHandler handler, SessionFactory sessions) {
        var request = new Request(ctx, handler);
        var response = new CompletableFuture<Void>();
        response.whenComplete((ignored, error) -> {
            if (response.isCancelled()) {
                request.cancel();
            }
        });
        if (ctx.req().isAsyncStarted()) {
            ctx.req().getAsyncContext().addListener(new AbortListener(response));
        }
        sessions.transaction(request::attempt).whenComplete((value, error) -> finish(ctx, response, value, error));
        return response;
    }

    /** After the commit or the rollback: sends the value, or hands the failure to Javalin. */
    private static void finish(Context ctx, CompletableFuture<Void> response, Object value, Throwable error) {
        if (response.isDone()) {
            return;   // cancelled: Javalin has answered already and the request may be recycled
        }
        try {
            ctx.attribute(ATTRIBUTE, null);
            if (error != null) {
                response.completeExceptionally(unwrap(error));
                return;
            }
            if (value != null) {
                ctx.json(value);
            }
            response.complete(null);
        } catch (Throwable t) {
            response.completeExceptionally(t);
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Cancels the request's future when the servlet container reports an error on the request's
     * connection, such as the server stopping. (Jetty does not notice a client that closes an idle
     * connection while the handler runs: only the async timeout covers that case.)
     */
    private record AbortListener(CompletableFuture<Void> response) implements AsyncListener {
        @Override
        public void onError(AsyncEvent event) {
            response.cancel(true);
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** One request's attempts: each runs the handler in a fresh session, which an abort cancels. Thread-safe. */
    private static final class Request {
        private final Context ctx;
        private final SessionHandler handler;
        private volatile RequestSession current;
        private volatile boolean cancelled;

        Request(Context ctx, SessionHandler handler) {
            this.ctx = ctx;
            this.handler = handler;
        }

        CompletableFuture<Object> attempt(Session session) {
            if (cancelled) {
                return CompletableFuture.failedFuture(new CancellationException("the request was cancelled"));
            }
            var attempt = new RequestSession(session);
            current = attempt;
            if (cancelled) {
                attempt.cancel();
            }
            ctx.attribute(ATTRIBUTE, attempt);
            CompletionStage<?> stage;
            try {
                stage = handler.handle(ctx, attempt);
            } catch (Throwable t) {
                return CompletableFuture.failedFuture(t);
            }
            if (stage == null) {
                return CompletableFuture.failedFuture(new NullPointerException(
                        "the SessionHandler of " + ctx.method() + " " + ctx.path() + " gave no CompletionStage"));
            }
            return stage.toCompletableFuture().thenApply(value -> value);
        }

        void cancel() {
            cancelled = true;
            RequestSession attempt = current;
            if (attempt != null) {
                attempt.cancel();
            }
        }
    }
}
