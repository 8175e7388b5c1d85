package dev.osprey.example;

import dev.osprey.Database;
import dev.osprey.testkit.Target;
import dev.osprey.testkit.TestDb;

/**
 * The service under test on one database: the database it owns, the server and a client to it.
 * Started once per test class and database, with the tables dropped first so that
 * {@code TodoService.start} creates them.
 */
final class RunningService implements AutoCloseable {
    private final Target target;
    private final String url;
    private final Database db;
    private final TodoService service;
    private final ServiceClient client;

    private RunningService(Target target, String url, Database db, TodoService service) {
        this.target = target;
        this.url = url;
        this.db = db;
        this.service = service;
        this.client = new ServiceClient(service.url());
    }

    static RunningService start(TestDb t) {
        String url = ExampleDatabases.url(t);
        Database db = ExampleDatabases.connect(url);
        try {
            ExampleDatabases.dropTables(db, t.target());
            return new RunningService(t.target(), url, db, TodoService.start(db, 0));
        } catch (RuntimeException | Error e) {
            db.close();
            ExampleDatabases.deleteFiles(url);
            throw e;
        }
    }

    Target target() {
        return target;
    }

    /** The URL of the isolated database (for a second pool on it). */
    String databaseUrl() {
        return url;
    }

    Database db() {
        return db;
    }

    TodoService service() {
        return service;
    }

    ServiceClient client() {
        return client;
    }

    /** Rows in {@code table}, counted by the database. */
    long rows(String table) {
        return ExampleDatabases.rows(db, table);
    }

    @Override
    public void close() {
        try {
            client.close();
            service.close();
        } finally {
            db.close();
            ExampleDatabases.deleteFiles(url);
        }
    }
}
