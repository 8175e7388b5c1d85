package dev.osprey.bench.jdbc;

import dev.osprey.bench.Entry;
import dev.osprey.bench.JournalStore;
import dev.osprey.bench.Pools;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The workloads in raw JDBC, written the best way by hand: the ceiling Osprey is measured against.
 * Each call borrows a pooled connection (a HikariCP pool set up as Osprey's, see {@link Pools}),
 * prepares the statement (pgjdbc reuses the server-side statement by SQL text), binds, runs and reads
 * rows into plain records. Single statements run in autocommit; read-then-write and bulk inserts in a
 * transaction. Inserts that need the id use {@code INSERT … RETURNING id} (one round trip on all three
 * databases). Bulk inserts run as {@link BulkInsert} says. On SQLite, reads go to the read-only pool
 * and writes to the single writer connection, as in Osprey. Thread-safe.
 */
public final class JdbcJournal implements JournalStore {
    private final Pools pools;
    private final JournalSql sql;
    private final BulkInsert bulk;
    private final BulkInsert bulkWithIds;

    /**
     * @param bulk        how {@link #insertAll} stores rows whose ids nobody needs
     * @param bulkWithIds how it stores rows and reads their ids back
     */
    public JdbcJournal(Pools pools, JournalSql sql, BulkInsert bulk, BulkInsert bulkWithIds) {
        this.pools = pools;
        this.sql = sql;
        this.bulk = bulk;
        this.bulkWithIds = bulkWithIds;
    }

    /** The best plain variants: a JDBC batch without ids, multi-row {@code INSERT … RETURNING} with. */
    public JdbcJournal(Pools pools, JournalSql sql) {
        this(pools, sql, BulkInsert.BATCH, BulkInsert.RETURNING);
    }

    @Override
    public long insertOne(Entry entry) {
        try (Connection c = pools.writer().getConnection();
             PreparedStatement ps = c.prepareStatement(sql.insertReturningId())) {
            bind(ps, 0, entry);
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public long insertAll(List<Entry> entries, boolean ids) {
        BulkInsert how = ids ? bulkWithIds : bulk;
        try (Connection c = pools.writer().getConnection()) {
            c.setAutoCommit(false);
            try {
                long stored = how.insert(c, sql, entries);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long get(long id) {
        try (Connection c = pools.reader().getConnection();
             PreparedStatement ps = c.prepareStatement(sql.selectById)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? sql.read(rs).id() : -1;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public int findByText(String text) {
        return query(sql.selectByText, ps -> ps.setString(1, text)).size();
    }

    @Override
    public int findByLevel(short level) {
        return query(sql.selectByLevel, ps -> ps.setShort(1, level)).size();
    }

    @Override
    public Page page(long afterId, int size) {
        List<JournalRecord> page = query(sql.selectPage, ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, size);
        });
        return page.isEmpty() ? Page.EMPTY : new Page(page.size(), page.getLast().id());
    }

    @Override
    public boolean readThenWrite(long id, String text) {
        try (Connection c = pools.writer().getConnection()) {
            c.setAutoCommit(false);
            try {
                JournalRecord row;
                try (PreparedStatement ps = c.prepareStatement(sql.selectById)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        row = rs.next() ? sql.read(rs) : null;
                    }
                }
                if (row != null) {
                    try (PreparedStatement ps = c.prepareStatement(sql.updateText)) {
                        ps.setString(1, text);
                        ps.setLong(2, row.id());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return row != null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public long updateText(long id, String text) {
        return update(sql.updateText, ps -> {
            ps.setString(1, text);
            ps.setLong(2, id);
        });
    }

    @Override
    public long increment(long id) {
        return update(sql.increment, ps -> ps.setLong(1, id));
    }

    @Override
    public long delete(long id) {
        return update(sql.deleteById, ps -> ps.setLong(1, id));
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<JournalRecord> query(String text, Binder binder) {
        try (Connection c = pools.reader().getConnection();
             PreparedStatement ps = c.prepareStatement(text)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<JournalRecord> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(sql.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private long update(String text, Binder binder) {
        try (Connection c = pools.writer().getConnection();
             PreparedStatement ps = c.prepareStatement(text)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void bind(PreparedStatement ps, int offset, Entry entry) throws SQLException {
        BulkInsert.bind(sql, ps, offset, entry);
    }

    static IllegalStateException failed(SQLException e) {
        return new IllegalStateException(e.getMessage(), e);
    }
}
