package dev.osprey.testkit;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.OspreyException;
import dev.osprey.internal.engine.Engine;
import dev.osprey.internal.sql.Dialect;
import dev.osprey.mapping.SqlType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One test's access to one {@link Target}: opens databases on it (all closed after the test),
 * knows its dialect for portable DDL, and on close fails the test if any connection is still
 * checked out (the leak check). A server that cannot be reached skips the test locally with a
 * message; with {@code CI=true} it fails it.
 */
public final class TestDb implements AutoCloseable {
    private static final Duration LEAK_WAIT = Duration.ofSeconds(10);
    private static final Map<Target, String> UNREACHABLE = new ConcurrentHashMap<>();

    private final Target target;
    private final List<Database> opened = new ArrayList<>();
    private String url;
    private Database db;

    TestDb(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }

    /** The test's database with the default configuration (opened on first use). */
    public Database db() {
        if (db == null) {
            db = open(Config.builder().acquireTimeout(Duration.ofSeconds(20)).build());
        }
        return db;
    }

    /** Another database on the same target (same SQLite file) with its own configuration and pool. */
    public Database open(Config config) {
        String reason = UNREACHABLE.get(target);
        if (reason != null) {
            unreachable(reason);
        }
        if (url == null) {
            url = target.newUrl();
        }
        try {
            Database database = Database.connect(url, config);
            opened.add(database);
            return database;
        } catch (OspreyException e) {
            if (target == Target.SQLITE) {
                throw e;
            }
            UNREACHABLE.put(target, e.getMessage());
            unreachable(e.getMessage());
            throw e;
        }
    }

    /** Another pool on the same database as a separate process would open it (see {@link Target#asAnotherProcess}). */
    public Database openAsAnotherProcess(Config config) {
        Database database = Database.connect(target.asAnotherProcess(url()), config);
        opened.add(database);
        return database;
    }

    public String url() {
        db();
        return url;
    }

    public Dialect dialect() {
        return ((Engine) db()).driver().dialect();
    }

    /** A column type for this database. */
    public String type(SqlType type) {
        return dialect().typeName(type, 255);
    }

    public String type(SqlType type, int length) {
        return dialect().typeName(type, length);
    }

    public String quote(String name) {
        return dialect().quote(name);
    }

    /** Drops {@code table} if it exists and creates it with the given column definitions. */
    public void recreate(String table, String columns) {
        db().execute("DROP TABLE IF EXISTS " + quote(table)).join();
        db().execute("CREATE TABLE " + quote(table) + " (" + columns + ")").join();
    }

    /** Connections checked out of every database this test opened. */
    public int activeConnections() {
        return opened.stream().mapToInt(d -> ((Engine) d).driver().activeConnections()).sum();
    }

    /** Waits until no connection is checked out; false if some still are after {@code timeout}. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (activeConnections() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());   // poll the pool's own count
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        try {
            if (!awaitIdle(LEAK_WAIT)) {
                Assertions.fail("connection leak: " + activeConnections() + " connection(s) still checked out "
                        + LEAK_WAIT.toSeconds() + " s after the test on " + target);
            }
        } finally {
            for (Database database : opened) {
                database.close();
            }
            if (target == Target.SQLITE && url != null) {
                String file = url.substring("sqlite:".length());
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(file + suffix));
                }
            }
        }
    }

    private void unreachable(String reason) {
        String message = target + " is not reachable (" + reason + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + ": in CI every database must be up");
        }
        System.err.println("SKIPPED on " + message);
        Assumptions.abort(message);
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
