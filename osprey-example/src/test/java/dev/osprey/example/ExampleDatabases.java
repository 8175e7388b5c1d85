package dev.osprey.example;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.internal.engine.Engine;
import dev.osprey.testkit.Target;
import dev.osprey.testkit.TestDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the e2e tests keep their tables, apart from the core tests' own {@code users} table:
 * PostgreSQL schema {@code osprey_example}, MariaDB database {@code osprey_example}, SQLite a fresh file.
 * The test kit's {@link TestDb} makes the first connection, so a server that is down skips the test
 * locally and fails it in CI.
 */
final class ExampleDatabases {
    /**
     * The schema (PostgreSQL) or database (MariaDB) name: {@code osprey_example}, or
     * {@code OSPREY_EXAMPLE_TEST_DB} so that two people can run the suite against the same servers at once.
     */
    static final String NAME = name(System.getenv("OSPREY_EXAMPLE_TEST_DB"));

    private ExampleDatabases() {
    }

    /** A URL for the isolated database on {@code t}'s target, creating the schema or database if missing. */
    static String url(TestDb t) {
        return switch (t.target()) {
            case SQLITE -> Target.SQLITE.newUrl();
            case POSTGRESQL -> {
                t.db().execute("CREATE SCHEMA IF NOT EXISTS " + NAME).join();
                String base = t.url();
                yield base + (base.contains("?") ? "&" : "?") + "currentSchema=" + NAME;
            }
            case MARIADB -> {
                t.db().execute("CREATE DATABASE IF NOT EXISTS " + NAME).join();
                yield withDatabase(t.url(), NAME);
            }
        };
    }

    /** Connects the way the tests' service does: a generous acquire timeout for the concurrency tests. */
    static Database connect(String url) {
        return Database.connect(url, Config.builder().acquireTimeout(Duration.ofSeconds(30)).build());
    }

    /**
     * Drops the service's tables so that {@code TodoService.start} creates them afresh, after checking
     * that {@code db} really is the isolated database (never the core tests' tables).
     */
    static void dropTables(Database db, Target target) {
        assertIsolated(db, target);
        db.execute("DROP TABLE IF EXISTS todos").join();
        db.execute("DROP TABLE IF EXISTS users").join();
    }

    /** Deletes every row: each test starts from empty tables. */
    static void clearTables(Database db) {
        db.execute("DELETE FROM todos").join();
        db.execute("DELETE FROM users").join();
    }

    /** Rows in {@code table}, counted by the database itself. */
    static long rows(Database db, String table) {
        return db.query("SELECT COUNT(*) AS n FROM " + table).join().getFirst().getLong("n");
    }

    /**
     * Waits until no connection of {@code db}'s pool is checked out, polling the pool's own count as
     * the core test kit's leak check does; false if some still are after {@code timeout}.
     */
    static boolean awaitIdle(Database db, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (activeConnections(db) > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return true;
    }

    static int activeConnections(Database db) {
        return ((Engine) db).driver().activeConnections();
    }

    /** Deletes an SQLite database file and its WAL companions; does nothing for server URLs. */
    static void deleteFiles(String url) {
        if (!url.startsWith("sqlite:")) {
            return;
        }
        String file = url.substring("sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertIsolated(Database db, Target target) {
        switch (target) {
            case SQLITE -> { }
            case POSTGRESQL -> assertThat(db.query("SELECT current_schema() AS s").join().getFirst().getString("s"))
                    .as("the e2e tests' PostgreSQL schema").isEqualTo(NAME);
            case MARIADB -> assertThat(db.query("SELECT DATABASE() AS d").join().getFirst().getString("d"))
                    .as("the e2e tests' MariaDB database").isEqualTo(NAME);
        }
    }

    private static String name(String configured) {
        if (configured == null || configured.isBlank()) {
            return "osprey_example";
        }
        if (!configured.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("OSPREY_EXAMPLE_TEST_DB must be a plain lower-case identifier: " + configured);
        }
        return configured;
    }

    /** {@code url} with its database path replaced by {@code database}, keeping any query. */
    private static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("://") + 3;
        int slash = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String prefix = slash < 0 || (query >= 0 && query < slash)
                ? url.substring(0, query < 0 ? url.length() : query)
                : url.substring(0, slash);
        return prefix + "/" + database + (query < 0 ? "" : url.substring(query));
    }
}
