package dev.osprey.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

/**
 * The databases the integration suite runs on, with their URLs (from environment variables,
 * defaulting to this project's local servers) and the few fixtures that are SQL of their own:
 * a query that runs for a long time, and how an administrator kills another session.
 */
public enum Target {
    SQLITE("SQLite", null, null, Set.of(Capability.NAMED_CHECK_CONSTRAINTS)),
    POSTGRESQL("PostgreSQL", "OSPREY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test",
            Set.of(Capability.SERVER, Capability.NAMED_CONSTRAINTS, Capability.NAMED_CHECK_CONSTRAINTS,
                    Capability.ENFORCED_LENGTHS, Capability.NON_FINITE_FLOATS, Capability.EXTREME_DATES)),
    MARIADB("MariaDB", "OSPREY_TEST_MARIADB_URL", "mariadb://root@127.0.0.1:3306/test",
            Set.of(Capability.SERVER, Capability.NAMED_CONSTRAINTS, Capability.NAMED_CHECK_CONSTRAINTS,
                    Capability.ENFORCED_LENGTHS));

    private static final Path SQLITE_DIR = Path.of("target", "test-sqlite");

    private final String label;
    private final String environmentVariable;
    private final String defaultUrl;
    private final Set<Capability> capabilities;

    Target(String label, String environmentVariable, String defaultUrl, Set<Capability> capabilities) {
        this.label = label;
        this.environmentVariable = environmentVariable;
        this.defaultUrl = defaultUrl;
        this.capabilities = capabilities;
    }

    /** A URL for a new database: a fresh file for SQLite, the configured server otherwise. */
    public String newUrl() {
        if (this == SQLITE) {
            try {
                Files.createDirectories(SQLITE_DIR);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "sqlite:" + SQLITE_DIR.resolve("t-" + UUID.randomUUID() + ".db");
        }
        String configured = System.getenv(environmentVariable);
        return configured == null || configured.isBlank() ? defaultUrl : configured;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * The URL a second process would use: for SQLite the same file with a short busy timeout, so
     * that waiting for another process's write lock ends quickly; servers need nothing special.
     */
    public String asAnotherProcess(String url) {
        return this == SQLITE ? url + "?busy_timeout=300" : url;
    }

    /** A read-only query that runs for well over a minute unless it is stopped. */
    public String longQuery() {
        return switch (this) {
            case SQLITE -> "SELECT (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000000000)"
                    + " SELECT max(x) FROM c) AS v /* osprey-long */";
            case POSTGRESQL -> "SELECT pg_sleep(120) AS v /* osprey-long */";
            case MARIADB -> "SELECT SLEEP(120) AS v /* osprey-long */";
        };
    }

    /** SQL that lists the server-side ids of other sessions whose running statement contains {@code marker}. */
    public String sessionsRunning(String marker) {
        return switch (this) {
            case POSTGRESQL -> "SELECT pid AS id FROM pg_stat_activity WHERE query LIKE '%" + marker
                    + "%' AND pid <> pg_backend_pid()";
            case MARIADB -> "SELECT id FROM information_schema.processlist WHERE info LIKE '%" + marker
                    + "%' AND id <> CONNECTION_ID()";
            case SQLITE -> throw new UnsupportedOperationException("SQLite has no server sessions");
        };
    }

    /** SQL giving, as {@code n}, how many other sessions on this test's database are running an INSERT or COPY now. */
    public String writesRunning() {
        return switch (this) {
            case POSTGRESQL -> "SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active'"
                    + " AND (query LIKE 'INSERT%' OR query LIKE 'COPY%') AND datname = current_database()"
                    + " AND pid <> pg_backend_pid()";
            case MARIADB -> "SELECT count(*) AS n FROM information_schema.processlist WHERE command <> 'Sleep'"
                    + " AND (info LIKE 'INSERT%' OR info LIKE 'COPY%') AND db = DATABASE() AND id <> CONNECTION_ID()";
            case SQLITE -> throw new UnsupportedOperationException("SQLite has no server sessions");
        };
    }

    /** SQL giving, as {@code id}, the server session of the connection it runs on. */
    public String ownSession() {
        return switch (this) {
            case POSTGRESQL -> "SELECT pg_backend_pid() AS id";
            case MARIADB -> "SELECT CONNECTION_ID() AS id";
            case SQLITE -> throw new UnsupportedOperationException("SQLite has no server sessions");
        };
    }

    /** SQL that kills the server session {@code id} (its connection breaks). */
    public String killSession(long id) {
        return switch (this) {
            case POSTGRESQL -> "SELECT pg_terminate_backend(" + id + ")";
            case MARIADB -> "KILL CONNECTION " + id;
            case SQLITE -> throw new UnsupportedOperationException("SQLite has no server sessions");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
