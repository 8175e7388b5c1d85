package dev.osprey.bench;

import dev.osprey.Database;
import dev.osprey.bench.jdbc.JournalSql;
import dev.osprey.bench.osprey.Journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The benchmark's own access to the table, outside every measurement: creates it (from the Osprey
 * entity, so that all three implementations share one schema), loads the data set, and answers the
 * cheap questions verification asks (row counts, the counter sum). One plain JDBC connection in
 * autocommit mode with the same driver properties as the pools. Not thread-safe: used between runs.
 */
final class Fixture implements AutoCloseable {
    private static final int LOAD_BATCH = 1000;

    /** What the table holds now. */
    enum State { PRISTINE, CHANGED }

    private final BenchDatabase database;
    private final JournalSql sql;
    private final Connection connection;
    private final DataSet data;
    private State state = State.CHANGED;
    private long[] baseIds = new long[0];

    Fixture(BenchDatabase.Endpoint endpoint, DataSet data) throws SQLException {
        this.database = endpoint.database();
        this.sql = new JournalSql(database);
        this.data = data;
        Properties properties = Pools.driverProperties(database, "osprey-bench-fixture");
        if (endpoint.user() != null) {
            properties.setProperty("user", endpoint.user());
        }
        if (endpoint.password() != null) {
            properties.setProperty("password", endpoint.password());
        }
        this.connection = DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }

    DataSet data() {
        return data;
    }

    /** The ids of the loaded rows, in order (valid while the table is {@link State#PRISTINE} or only changed in place). */
    long[] baseIds() {
        return baseIds;
    }

    /** Drops and creates the table with Osprey's schema for {@link Journal} (its DDL, its indexes). */
    void recreate(Database osprey) {
        osprey.schema().dropAll(Journal.class).join();
        osprey.schema().createAll(Journal.class).join();
        baseIds = new long[0];
        state = State.CHANGED;
    }

    /** Empties the table and loads the data set, then lets the database gather statistics. */
    void load() throws SQLException {
        truncate();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(sql.insert)) {
            for (int i = 0; i < data.rows(); i++) {
                Entry e = data.entry(i);
                sql.bindTimestamp(ps, 1, e.timestamp());
                ps.setShort(2, e.level());
                ps.setString(3, e.text());
                ps.setInt(4, 0);
                ps.addBatch();
                if ((i + 1) % LOAD_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(switch (database) {
                case POSTGRESQL -> "VACUUM ANALYZE " + sql.table;
                case MARIADB -> "ANALYZE TABLE " + sql.table;
                case SQLITE -> "ANALYZE";
            });
            if (database == BenchDatabase.MARIADB) {
                try (ResultSet ignored = s.getResultSet()) {
                    // ANALYZE TABLE answers with a status row
                }
            }
        }
        baseIds = ids("SELECT " + sql.q("id") + " FROM " + sql.table + " ORDER BY " + sql.q("id"), data.rows());
        if (baseIds.length != data.rows()) {
            throw new IllegalStateException("loaded " + baseIds.length + " rows instead of " + data.rows());
        }
        state = State.PRISTINE;
    }

    /** Loads the data set unless the table holds exactly it. */
    void requirePristine() throws SQLException {
        if (state != State.PRISTINE) {
            load();
        }
    }

    /** Loads the data set unless its rows are there (perhaps changed in place by earlier workloads). */
    void requireBaseRows() throws SQLException {
        if (baseIds.length == 0) {
            load();
        }
    }

    /** Records that a workload changed what the table holds, so the next read workload reloads it. */
    void changed() {
        state = State.CHANGED;
    }

    /**
     * Empties the table (the data set's rows are gone). On SQLite it then copies the write-ahead log into
     * the database file and empties it, so that every bulk insert starts from the same file state instead
     * of from whatever the run before it left in the log.
     */
    void truncate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(database == BenchDatabase.SQLITE ? "DELETE FROM " + sql.table : "TRUNCATE TABLE " + sql.table);
            if (database == BenchDatabase.SQLITE) {
                try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    Task.check(rs.next() && rs.getInt(1) == 0, "the WAL checkpoint after emptying the table was blocked");
                }
            }
        }
        baseIds = new long[0];
        state = State.CHANGED;
    }

    /** Inserts {@code n} extra rows for a delete run; gives their ids. */
    long[] insertStock(List<Entry> entries) throws SQLException {
        long before = maxId();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(sql.insert)) {
            int n = 0;
            for (Entry e : entries) {
                sql.bindTimestamp(ps, 1, e.timestamp());
                ps.setShort(2, e.level());
                ps.setString(3, e.text());
                ps.setInt(4, 0);
                ps.addBatch();
                if (++n % LOAD_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        state = State.CHANGED;
        return ids("SELECT " + sql.q("id") + " FROM " + sql.table + " WHERE " + sql.q("id") + " > " + before
                + " ORDER BY " + sql.q("id"), entries.size());
    }

    /** Deletes the rows with ids above {@code id}. */
    void deleteAbove(long id) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + sql.table + " WHERE " + sql.q("id") + " > " + id);
        }
    }

    long count() throws SQLException {
        return number("SELECT COUNT(*) FROM " + sql.table);
    }

    long countAbove(long id) throws SQLException {
        return number("SELECT COUNT(*) FROM " + sql.table + " WHERE " + sql.q("id") + " > " + id);
    }

    long countBetween(long low, long high) throws SQLException {
        return number("SELECT COUNT(*) FROM " + sql.table + " WHERE " + sql.q("id") + " BETWEEN " + low + " AND " + high);
    }

    /** Rows whose text starts with {@code prefix} (letters, digits and spaces only). */
    long countTextPrefix(String prefix) throws SQLException {
        if (!prefix.matches("[A-Za-z0-9 ]+")) {
            throw new IllegalArgumentException(prefix);
        }
        return number("SELECT COUNT(*) FROM " + sql.table + " WHERE " + sql.q("text") + " LIKE '" + prefix + "%'");
    }

    long maxId() throws SQLException {
        return number("SELECT COALESCE(MAX(" + sql.q("id") + "), 0) FROM " + sql.table);
    }

    long sumCount() throws SQLException {
        return number("SELECT COALESCE(SUM(" + sql.q("count") + "), 0) FROM " + sql.table);
    }

    /** The server's version as it reports it. */
    String serverVersion() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(switch (database) {
                 case SQLITE -> "SELECT sqlite_version()";
                 case POSTGRESQL, MARIADB -> "SELECT version()";
             })) {
            rs.next();
            String version = rs.getString(1);
            return database == BenchDatabase.SQLITE ? "SQLite " + version : version;
        }
    }

    /** The connection init SQL Osprey uses on MariaDB 10.4+ (SIMULTANEOUS_ASSIGNMENT), for the other pools. */
    String mariaDbInitSql() throws SQLException {
        if (database != BenchDatabase.MARIADB) {
            return null;
        }
        var md = connection.getMetaData();
        boolean mariaDb = md.getDatabaseProductVersion().toLowerCase(java.util.Locale.ROOT).contains("mariadb")
                || md.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        int major = md.getDatabaseMajorVersion();
        int minor = md.getDatabaseMinorVersion();
        return mariaDb && (major > 10 || major == 10 && minor >= 4)
                ? "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',SIMULTANEOUS_ASSIGNMENT')" : null;
    }

    private long number(String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long[] ids(String query, int expected) throws SQLException {
        long[] ids = new long[Math.max(expected, 16)];
        int n = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                if (n == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = rs.getLong(1);
            }
        }
        return java.util.Arrays.copyOf(ids, n);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
