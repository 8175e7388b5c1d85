package dev.osprey.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.Database;
import dev.osprey.Isolation;
import dev.osprey.SessionOptions;
import dev.osprey.javalin.RequestSessions;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * The example REST service: users and their todos over HTTP and JSON, on any database Osprey supports.
 * Each request runs in its own session ({@link RequestSessions}): writes in a transaction committed
 * before the response, reads in a read-only session (on SQLite beside the single writer). Request
 * handlers never block a thread on the database.
 *
 * <pre>{@code
 * try (Database db = Database.connect("sqlite:todos.db");
 *      TodoService service = TodoService.start(db, 8080)) { … }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} stops the server but leaves the {@link Database} open.
 */
public final class TodoService implements AutoCloseable {
    /** Bulk requests of 5000 items with long titles pass Javalin's default limit of 1 MB. */
    private static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final Javalin app;

    private TodoService(Javalin app) {
        this.app = app;
    }

    /**
     * Creates the tables if they are missing, checks that existing ones have the expected columns, and
     * starts the server on {@code port} (0 for any free port). Blocks until the server listens.
     *
     * @throws IllegalStateException if an existing table does not match its entity (the message names it)
     */
    public static TodoService start(Database db, int port) {
        Objects.requireNonNull(db, "db");
        try {
            db.schema().createAll(User.class, Todo.class).join();
        } catch (CompletionException e) {
            // An index on a column that an older table lacks fails here: name the table if that is why.
            SchemaCheck.verify(db, User.class, Todo.class);
            throw e;
        }
        SchemaCheck.verify(db, User.class, Todo.class);
        Javalin app = Javalin.create(config -> configure(config, db));
        try {
            app.start(port);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return new TodoService(app);
    }

    private static void configure(JavalinConfig config, Database db) {
        ObjectMapper mapper = JsonBodies.mapper();
        var json = new JsonBodies(mapper);
        var users = new UserHandlers(json, Clock.systemUTC());
        var todos = new TodoHandlers(json);
        var stats = new StatsHandler();
        RequestSessions writes = RequestSessions.of(db);
        // A list's count and its page, and the four queries of /stats, see one snapshot.
        RequestSessions reads = RequestSessions.of(db,
                SessionOptions.builder().isolation(Isolation.REPEATABLE_READ).readOnly(true).build());

        config.jsonMapper(new JavalinJackson(mapper, true));
        config.concurrency.useVirtualThreads = true;
        config.http.defaultContentType = "application/json";
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.startup.showJavalinBanner = false;
        config.requestLogger.http(new RequestLog());

        var routes = config.routes;
        routes.before(RequestIds::assign);
        routes.post("/users", writes.transactional(users::create));
        routes.post("/users/bulk", writes.transactional(users::createBulk));
        routes.get("/users", reads.readOnly(users::list));
        routes.get("/users/{id}", reads.readOnly(users::get));
        routes.patch("/users/{id}", writes.transactional(users::patch));
        routes.delete("/users/{id}", writes.transactional(users::delete));
        routes.post("/users/{id}/increment", writes.transactional(users::increment));
        routes.post("/users/{id}/todos", writes.transactional(todos::create));
        routes.post("/users/{id}/todos/bulk", writes.transactional(todos::createBulk));
        routes.get("/todos", reads.readOnly(todos::list));
        routes.get("/todos/{id}", reads.readOnly(todos::get));
        routes.patch("/todos/{id}", writes.transactional(todos::patch));
        routes.delete("/todos/{id}", writes.transactional(todos::delete));
        routes.get("/stats", reads.readOnly(stats::get));
        ErrorMapping.register(routes);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port();
    }

    /** Stops the server (requests still running are cancelled); the {@link Database} stays open. */
    @Override
    public void close() {
        app.stop();
    }
}
