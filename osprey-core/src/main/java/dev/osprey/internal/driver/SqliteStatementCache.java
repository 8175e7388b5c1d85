package dev.osprey.internal.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQLite's prepared statements, kept per physical connection across calls. sqlite-jdbc compiles
 * the SQL and reads the name of every result column each time a statement is prepared, which is a fifth
 * of a single-row read; PostgreSQL's and MariaDB's drivers keep server-side statements themselves, so only
 * SQLite needs this.
 *
 * <p>For the reads and writes of single statements, transactions and sessions (not for batches, nor for
 * savepoints, whose texts are made once). The statements are made on the physical connection behind the
 * pool's proxy, which does not track them, so the pool's own rollback on return would not know they ran:
 * Osprey never relies on it, and ends every transaction it begins itself (commit or rollback, and a
 * connection whose rollback failed is evicted). Each use ends by closing its result set, which resets
 * the statement, so no read transaction stays open between calls. The statements of a connection go
 * with it: sqlite-jdbc finalizes them when the pool closes the connection, and the cache forgets closed
 * connections whenever it meets a new one. At most {@value #PER_CONNECTION} statements a connection;
 * the least recently used is closed first.
 *
 * <p>Thread-safe; the statements of one connection are used only by the thread that has borrowed it.
 */
final class SqliteStatementCache {
    static final int PER_CONNECTION = 64;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStatementCache.class);

    /** By physical connection; sqlite-jdbc's connections compare by identity. Read without a lock on every call. */
    private final Map<Connection, Statements> byConnection = new ConcurrentHashMap<>();

    /** The kept statements of {@code pooled}'s physical connection. */
    Statements of(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Statements statements = byConnection.get(physical);
        if (statements == null) {   // a connection new to the cache: a good time to forget closed ones
            byConnection.values().removeIf(Statements::isClosed);
            statements = byConnection.computeIfAbsent(physical, Statements::new);
        }
        return statements;
    }

    /** The statements of one physical connection, least recently used first. Not thread-safe. */
    static final class Statements {
        private final Connection physical;
        private final LinkedHashMap<String, PreparedStatement> bySql = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                JdbcExecution.closeQuietly(eldest.getValue());
                return true;
            }
        };

        private Statements(Connection physical) {
            this.physical = physical;
        }

        /** The kept statement for {@code sql}, prepared now if there is none (or it was closed). */
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = bySql.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = physical.prepareStatement(sql);
                bySql.put(sql, ps);
            }
            return ps;
        }

        /** Closes and forgets the statement for {@code sql}, after it failed in a way that may have spoiled it. */
        void discard(String sql) {
            PreparedStatement ps = bySql.remove(sql);
            if (ps != null) {
                JdbcExecution.closeQuietly(ps);
            }
        }

        int size() {
            return bySql.size();
        }

        private boolean isClosed() {
            try {
                return physical.isClosed();
            } catch (SQLException e) {
                LOG.debug("a pooled SQLite connection could not say whether it is closed; its statements are dropped", e);
                return true;
            }
        }
    }
}
