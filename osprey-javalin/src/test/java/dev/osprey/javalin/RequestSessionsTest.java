package dev.osprey.javalin;

import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.Isolation;
import dev.osprey.OspreyException;
import dev.osprey.Session;
import dev.osprey.SessionOptions;
import dev.osprey.javalin.model.WebNote;
import dev.osprey.javalin.model.WebNote_;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;
import io.javalin.config.JavalinConfig;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static dev.osprey.query.Sql.delete;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

/** Session per request over real HTTP: commit, rollback, retries, read-only sessions and cancellation. */
class RequestSessionsTest {

    /** A failure of the handlers under test, mapped to 418 so that the test sees it arrived unwrapped. */
    static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message);
        }
    }

    private static Database freshNotes(TestDb t) {
        Database db = t.db();
        db.schema().dropAll(WebNote.class).join();
        db.schema().createAll(WebNote.class).join();
        return db;
    }

    /** An app with the routes of {@code routes} and exception handlers that name what reached them. */
    private static WebApp app(Consumer<JavalinConfig> routes) {
        return WebApp.start(config -> {
            config.routes.exception(Boom.class, (e, ctx) -> ctx.status(418).result("boom: " + e.getMessage()));
            config.routes.exception(IntegrityViolationException.class,
                    (e, ctx) -> ctx.status(409).result("integrity: " + e.kind()));
            config.routes.exception(OspreyException.class,
                    (e, ctx) -> ctx.status(422).result("osprey: " + e.getClass().getSimpleName()));
            config.routes.exception(IllegalStateException.class,
                    (e, ctx) -> ctx.status(412).result("illegal state: " + e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).result(e.getClass().getName()));
            routes.accept(config);
        });
    }

    /** The routes most tests use: create, read and delete notes. */
    private static void notes(JavalinConfig config, RequestSessions sessions) {
        config.routes.post("/notes", sessions.transactional((ctx, s) -> {
            WebNote note = s.add(new WebNote(ctx.body()));
            ctx.status(201);
            return s.flush().thenApply(done -> note);
        }));
        config.routes.get("/notes/{id}", sessions.readOnly((ctx, s) ->
                s.get(WebNote.class, Long.parseLong(ctx.pathParam("id")))));
        config.routes.delete("/notes/{id}", sessions.transactional((ctx, s) ->
                s.execute(delete(WebNote.class).where(WebNote_.ID.eq(Long.parseLong(ctx.pathParam("id")))))
                        .thenApply(rows -> {
                            ctx.status(rows == 1 ? 204 : 404);
                            return null;
                        })));
    }

    private static long notes(Database db) {
        return db.count(select(WebNote.class)).join();
    }

    private static void assertPoolIdle(TestDb t) {
        assertThat(t.awaitIdle(Duration.ofSeconds(10))).as("every connection is back in the pool").isTrue();
    }

    @OnEachDatabase
    void aHandlerThatSucceedsIsCommittedAndItsValueSentAsJson(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        try (WebApp app = app(config -> notes(config, sessions))) {
            HttpResponse<String> created = app.send("POST", "/notes", "hello");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(created.body()).contains("\"text\":\"hello\"").contains("\"id\":");
            Long id = db.scalar(select(WebNote_.ID)).join();
            assertThat(notes(db)).as("committed before the response").isEqualTo(1);

            HttpResponse<String> read = app.send("GET", "/notes/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("{\"id\":" + id + ",\"text\":\"hello\",\"counter\":0}");
        }
        assertPoolIdle(t);
    }

    @OnEachDatabase
    void aThrownExceptionRollsBackAndReachesTheExceptionHandlers(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        try (WebApp app = app(config -> config.routes.post("/throw", sessions.transactional((ctx, s) -> {
            s.execute(insert(WebNote.class).values(new WebNote("written, then thrown away")));
            throw new Boom("thrown");
        })))) {
            HttpResponse<String> response = app.send("POST", "/throw");
            assertThat(response.statusCode()).isEqualTo(418);
            assertThat(response.body()).isEqualTo("boom: thrown");
        }
        assertThat(notes(db)).as("rolled back").isZero();
        assertPoolIdle(t);
    }

    @OnEachDatabase
    void aFailedStageRollsBackAndItsExceptionArrivesUnwrapped(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        try (WebApp app = app(config -> {
            notes(config, sessions);
            config.routes.post("/fail", sessions.transactional((ctx, s) ->
                    s.execute(insert(WebNote.class).values(new WebNote("inserted, then failed")))
                            .thenApply(rows -> {
                                throw new Boom("failed after " + rows + " row");
                            })));
        })) {
            HttpResponse<String> failed = app.send("POST", "/fail");
            assertThat(failed.statusCode()).isEqualTo(418);
            assertThat(failed.body()).isEqualTo("boom: failed after 1 row");
            assertThat(notes(db)).as("rolled back").isZero();

            assertThat(app.send("POST", "/notes", "twice").statusCode()).isEqualTo(201);
            HttpResponse<String> duplicate = app.send("POST", "/notes", "twice");
            assertThat(duplicate.statusCode()).as("the flush's failure, unwrapped").isEqualTo(409);
            assertThat(duplicate.body()).isEqualTo("integrity: UNIQUE");
        }
        assertThat(notes(db)).isEqualTo(1);
        assertPoolIdle(t);
    }

    @OnEachDatabase
    void aNullValueSendsNothingWithTheStatusTheHandlerChose(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        try (WebApp app = app(config -> notes(config, sessions))) {
            app.send("POST", "/notes", "to delete");
            Long id = db.scalar(select(WebNote_.ID)).join();
            HttpResponse<String> deleted = app.send("DELETE", "/notes/" + id);
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(notes(db)).as("the delete was committed").isZero();
            assertThat(app.send("DELETE", "/notes/" + id).statusCode()).isEqualTo(404);
        }
        assertPoolIdle(t);
    }

    @OnEachDatabase
    void aReadOnlySessionRefusesToWrite(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        try (WebApp app = app(config -> config.routes.post("/sneaky", sessions.readOnly((ctx, s) -> {
            s.add(new WebNote("should not be written"));
            return s.flush();
        })))) {
            HttpResponse<String> response = app.send("POST", "/sneaky");
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).startsWith("osprey: ");
        }
        assertThat(notes(db)).isZero();
        assertPoolIdle(t);
    }

    @OnEachDatabase
    void sessionOfTheContextIsTheHandlersSessionAndOnlyWhileItRuns(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        var afterwards = new AtomicReference<String>();
        try (WebApp app = app(config -> {
            config.routes.get("/same", sessions.readOnly((ctx, s) -> {
                Session fromContext = RequestSessions.session(ctx);
                return fromContext.count(select(WebNote.class))
                        .thenApply(count -> fromContext == s ? "same session, " + count + " notes" : "another session");
            }));
            config.routes.get("/plain", ctx -> ctx.result(RequestSessions.session(ctx).toString()));
            config.routes.after("/same", ctx -> {
                try {
                    afterwards.set(RequestSessions.session(ctx).toString());
                } catch (IllegalStateException e) {
                    afterwards.set("refused");
                }
            });
        })) {
            HttpResponse<String> same = app.send("GET", "/same");
            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(same.body()).as("Javalin sends a String as it is").isEqualTo("same session, 0 notes");
            assertThat(afterwards.get()).as("after the handler's transaction").isEqualTo("refused");

            HttpResponse<String> plain = app.send("GET", "/plain");
            assertThat(plain.statusCode()).isEqualTo(412);
            assertThat(plain.body()).startsWith("illegal state: no Osprey session: GET /plain");
        }
        assertPoolIdle(t);
    }

    /**
     * Two SERIALIZABLE requests read the same row, then both write it: the database refuses one (a
     * serialization failure on PostgreSQL, a deadlock on MariaDB), whose handler runs again and succeeds.
     */
    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void aSerializationFailureRunsTheHandlerAgainInAFreshSession(TestDb t) {
        Database db = freshNotes(t);
        var note = new WebNote("counter");
        db.execute(insert(WebNote.class).values(note)).join();
        RequestSessions serializable = RequestSessions.of(db, SessionOptions.builder()
                .isolation(Isolation.SERIALIZABLE).maxRetries(5).retryBackoff(Duration.ofMillis(5)).build());
        var attempts = new AtomicInteger();
        var reads = new AtomicInteger();
        var bothRead = new CompletableFuture<Void>();
        try (WebApp app = app(config -> config.routes.post("/bump", serializable.transactional((ctx, s) -> {
            boolean first = attempts.incrementAndGet() <= 2;
            return s.get(WebNote.class, note.id).thenCompose(read -> {
                if (first && reads.incrementAndGet() == 2) {
                    bothRead.complete(null);
                }
                CompletableFuture<Void> ready = first ? bothRead : CompletableFuture.completedFuture(null);
                return ready.thenCompose(v -> {
                    read.counter += 1;
                    return s.flush();
                }).thenApply(v -> read.counter);
            });
        })))) {
            var one = app.sendAsync("POST", "/bump", null);
            var two = app.sendAsync("POST", "/bump", null);
            assertThat(one.join().statusCode()).isEqualTo(200);
            assertThat(two.join().statusCode()).isEqualTo(200);
            assertThat(one.join().body() + " " + two.join().body()).isIn("1 2", "2 1");
        }
        assertThat(attempts.get()).as("one handler ran again").isGreaterThanOrEqualTo(3);
        assertThat(db.scalar(select(WebNote_.COUNTER)).join()).isEqualTo(2);
        assertPoolIdle(t);
    }

    /**
     * Javalin's async timeout cancels the request's future: the statement the handler is waiting for is
     * cancelled on the server (else it would hold its connection for two minutes) and the insert before
     * it is rolled back.
     */
    @OnEachDatabase
    void anAsyncTimeoutCancelsTheRunningStatementAndRollsBack(TestDb t) {
        Database db = freshNotes(t);
        RequestSessions sessions = RequestSessions.of(db);
        var started = new CompletableFuture<Void>();
        try (WebApp app = app(config -> {
            config.http.asyncTimeout = 500;
            config.routes.post("/slow", sessions.transactional((ctx, s) -> {
                s.execute(insert(WebNote.class).values(new WebNote("before the long query")));
                return s.withConnection(connection -> {
                    started.complete(null);
                    try (Statement statement = connection.createStatement();
                         ResultSet rs = statement.executeQuery(t.target().longQuery())) {
                        return rs.next() ? rs.getObject(1) : null;
                    }
                });
            }));
        })) {
            HttpResponse<String> response = app.send("POST", "/slow");
            assertThat(started).isDone();
            assertThat(response.statusCode()).isNotEqualTo(200);
            assertPoolIdle(t);
        }
        assertThat(notes(db)).as("rolled back").isZero();
    }
}
