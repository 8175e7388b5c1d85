package dev.osprey.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;
import java.util.Properties;

/**
 * HikariCP pools for the hand-written JDBC and the Hibernate implementations, configured as Osprey's
 * {@code JdbcDriver} configures its own (read from osprey-core's source): same pool size, minimum idle,
 * timeouts, autocommit on, the same driver properties ({@code reWriteBatchedInserts} and
 * {@code logServerErrorDetail=false} for pgjdbc; WAL, foreign keys, case-sensitive LIKE and a busy
 * timeout for SQLite) and the same connection init SQL (MariaDB's {@code SIMULTANEOUS_ASSIGNMENT}).
 * On SQLite there are two pools, as in Osprey: one writer connection and a pool of read-only
 * ({@code PRAGMA query_only}) readers. Immutable; the pools it makes are thread-safe.
 *
 * @param writer the pool every statement that may write uses
 * @param reader the pool plain reads use (the writer itself on the servers)
 */
public record Pools(HikariDataSource writer, HikariDataSource reader) implements AutoCloseable {
    /** The pool size of all three implementations (SQLite: read connections, plus the writer). */
    public static final int SIZE = 8;
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(30);   // Osprey's defaults
    static final Duration MAX_LIFETIME = Duration.ofMinutes(30);
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** Opens the pools of one implementation ({@code name} shows in the server's session list). */
    public static Pools open(BenchDatabase.Endpoint endpoint, String name, String mariaDbInitSql) {
        if (endpoint.database() == BenchDatabase.SQLITE) {
            HikariDataSource writer = pool(endpoint, name + "-writer", 1, null);
            try {
                return new Pools(writer, pool(endpoint, name + "-reader", SIZE, "PRAGMA query_only = 1"));
            } catch (RuntimeException e) {
                writer.close();
                throw e;
            }
        }
        HikariDataSource both = pool(endpoint, name, SIZE,
                endpoint.database() == BenchDatabase.MARIADB ? mariaDbInitSql : null);
        return new Pools(both, both);
    }

    private static HikariDataSource pool(BenchDatabase.Endpoint endpoint, String name, int size, String initSql) {
        var hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(endpoint.jdbcUrl());
        hikari.setDriverClassName(switch (endpoint.database()) {
            case SQLITE -> "org.sqlite.JDBC";
            case POSTGRESQL -> "org.postgresql.Driver";
            case MARIADB -> "org.mariadb.jdbc.Driver";
        });
        if (endpoint.user() != null) {
            hikari.setUsername(endpoint.user());
        }
        if (endpoint.password() != null) {
            hikari.setPassword(endpoint.password());
        }
        hikari.setDataSourceProperties(driverProperties(endpoint.database(), name));
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(size);
        hikari.setConnectionTimeout(ACQUIRE_TIMEOUT.toMillis());
        hikari.setMaxLifetime(MAX_LIFETIME.toMillis());
        hikari.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        hikari.setInitializationFailTimeout(1);
        hikari.setAutoCommit(true);
        hikari.setRegisterMbeans(false);
        if (initSql != null) {
            hikari.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(hikari);
    }

    /** The driver properties Osprey sets (its {@code JdbcDriver.driverProperties}). */
    static Properties driverProperties(BenchDatabase database, String applicationName) {
        var properties = new Properties();
        switch (database) {
            case POSTGRESQL -> {
                properties.setProperty("reWriteBatchedInserts", "true");
                properties.setProperty("logServerErrorDetail", "false");
                properties.setProperty("ApplicationName", applicationName);
            }
            case SQLITE -> {
                properties.setProperty("journal_mode", "WAL");
                properties.setProperty("foreign_keys", "true");
                properties.setProperty("case_sensitive_like", "true");
                properties.setProperty("busy_timeout", Long.toString(ACQUIRE_TIMEOUT.toMillis()));
            }
            case MARIADB -> {
                // Osprey passes no properties to MariaDB Connector/J beyond those in the URL.
            }
        }
        return properties;
    }

    @Override
    public void close() {
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
