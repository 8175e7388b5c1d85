package dev.osprey.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The three databases the benchmark runs on, with their default URLs (Osprey's URL form) and the
 * environment variables that override them. {@link #endpoint(String)} turns such a URL into what a
 * hand-written JDBC program needs, the same way Osprey does. Immutable.
 */
public enum BenchDatabase {
    SQLITE("sqlite", "SQLite", null),
    POSTGRESQL("postgresql", "PostgreSQL", "OSPREY_BENCH_POSTGRES_URL"),
    MARIADB("mariadb", "MariaDB", "OSPREY_BENCH_MARIADB_URL");

    private final String key;
    private final String label;
    private final String environmentVariable;

    BenchDatabase(String key, String label, String environmentVariable) {
        this.key = key;
        this.label = label;
        this.environmentVariable = environmentVariable;
    }

    /** The name used on the command line and in the CSV. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    /** The URL used when neither an option nor the environment names one (SQLite: under {@code home}/target). */
    public String defaultUrl(java.nio.file.Path home) {
        return switch (this) {
            case SQLITE -> "sqlite:" + home.resolve("target").resolve("bench-sqlite").resolve("bench.db");
            case POSTGRESQL -> "postgresql://postgres@127.0.0.1:5432/test";
            case MARIADB -> "mariadb://root@127.0.0.1:3306/test";
        };
    }

    public static BenchDatabase of(String key) {
        for (BenchDatabase database : values()) {
            if (database.key.equalsIgnoreCase(key.strip())) {
                return database;
            }
        }
        throw new IllegalArgumentException("unknown database '" + key + "': expected sqlite, postgresql or mariadb");
    }

    /** What JDBC needs to reach this database at an Osprey-style URL. */
    public record Endpoint(BenchDatabase database, String jdbcUrl, String user, String password, String sqliteFile) {
    }

    /** Parses {@code url} ({@code sqlite:path}, {@code postgresql://user:pass@host:port/db}, {@code mariadb://…}). */
    public Endpoint endpoint(String url) {
        if (this == SQLITE) {
            if (!url.startsWith("sqlite:") || url.contains("?") || url.equals("sqlite::memory:")) {
                throw new IllegalArgumentException("the SQLite benchmark needs a file URL sqlite:path/to/file.db, not " + url);
            }
            String file = url.substring("sqlite:".length());
            return new Endpoint(this, "jdbc:sqlite:" + file, null, null, file);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed " + label + " URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = this == POSTGRESQL ? scheme.equals("postgresql") || scheme.equals("postgres")
                : scheme.equals("mariadb") || scheme.equals("mysql");
        if (!ok) {
            throw new IllegalArgumentException("not a " + label + " URL: " + url);
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : this == POSTGRESQL ? 5432 : 3306;
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath().substring(1);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String prefix = this == POSTGRESQL ? "jdbc:postgresql://" : "jdbc:mariadb://";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new Endpoint(this, prefix + host + ":" + port + "/" + decode(path) + query, user, password, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return label;
    }
}
