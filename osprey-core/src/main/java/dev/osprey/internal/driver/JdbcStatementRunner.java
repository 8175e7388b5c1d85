package dev.osprey.internal.driver;

import dev.osprey.internal.sql.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link StatementRunner} of one JDBC call: runs statements on the call's connection through
 * {@link JdbcExecution}, keeps each distinct SQL text's {@code PreparedStatement} for the rest of the
 * call (a bulk insert's equal chunks share one), and wraps work in a transaction when asked.
 * Not thread-safe: used by the call's worker only, and closed when its work returns.
 */
final class JdbcStatementRunner implements StatementRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStatementRunner.class);

    private final JdbcExecution execution;
    private final Connection connection;
    private final Operation<?> operation;
    private final boolean batchKeys;
    private final SqliteStatementCache.Statements kept;
    /** The first statement this call prepared (most calls prepare one), and the others by SQL text. */
    private String firstSql;
    private PreparedStatement first;
    private Map<String, PreparedStatement> plain;
    private Map<String, PreparedStatement> keyed;
    /** The kept statements this call used, for {@link #preparedStatements()}; made on first use. */
    private List<PreparedStatement> keptUsed;
    private boolean closed;

    /**
     * @param batchKeys whether the JDBC driver reports a generated key per row of a batch (sqlite-jdbc
     *                  reports none, so keyed batches run row by row there, which costs no round trips)
     */
    JdbcStatementRunner(JdbcExecution execution, Connection connection, Operation<?> operation, boolean batchKeys) {
        this(execution, connection, operation, batchKeys, null);
    }

    /**
     * @param kept where the statements of queries and updates are kept beyond this call (SQLite), or
     *             null to close them when the call's work returns
     */
    JdbcStatementRunner(JdbcExecution execution, Connection connection, Operation<?> operation, boolean batchKeys,
                        SqliteStatementCache.Statements kept) {
        this.execution = execution;
        this.connection = connection;
        this.operation = operation;
        this.batchKeys = batchKeys;
        this.kept = kept;
    }

    @Override
    public Dialect dialect() {
        return execution.dialect();
    }

    @Override
    public long update(SqlStatement statement) {
        checkOpen();
        try {
            return execution.execute(operation, statement, kept != null ? this::prepareKept : this::prepare, false, ps -> {
                execution.bind(ps, statement.binds());
                return updateCount(ps);
            }, rows -> rows);
        } catch (RuntimeException | Error e) {
            discardKept(statement);
            throw e;
        }
    }

    /**
     * Runs a statement whose text is made once (a savepoint's, with its own name): prepared for this call
     * only, never kept, so such texts do not push out the statements worth keeping.
     */
    void control(String sql) {
        checkOpen();
        var statement = new SqlStatement(sql, List.of(), false);
        execution.execute(operation, statement, this::prepare, false, JdbcStatementRunner::updateCount, rows -> rows);
    }

    @Override
    public <T> List<T> query(SqlStatement statement, RowMapper<T> mapper) {
        checkOpen();
        try {
            return execution.execute(operation, statement, kept != null ? this::prepareKept : this::prepare, false, ps -> {
                execution.bind(ps, statement.binds());
                // a typed query always gives rows (sqlite-jdbc's execute() also scans the SQL for generated keys);
                // closing the result set resets the statement, which ends SQLite's read transaction
                try (ResultSet rs = ps.executeQuery()) {
                    return execution.read(rs, mapper);
                }
            }, List::size);
        } catch (RuntimeException | Error e) {
            discardKept(statement);
            throw e;
        }
    }

    /** A kept statement that failed goes, with whatever state the failure left it in. */
    private void discardKept(SqlStatement statement) {
        if (kept != null) {
            kept.discard(statement.sql());
        }
    }

    @Override
    public BatchResult batch(String sql, List<Object> values, int rows, String keyColumn) {
        checkOpen();
        if (rows <= 0 || values.size() % rows != 0) {
            throw new IllegalArgumentException("a batch of " + rows + " rows cannot have " + values.size() + " values");
        }
        int width = values.size() / rows;
        var observed = new SqlStatement(sql, Collections.unmodifiableList(values), false);
        JdbcExecution.Preparer preparer = keyColumn == null ? this::prepare : text -> prepareKeyed(text, keyColumn);
        return execution.execute(operation, observed, preparer, false, ps -> {
            if (keyColumn != null && !batchKeys) {
                return rowByRow(ps, values, rows, width);
            }
            for (int row = 0; row < rows; row++) {
                execution.bind(ps, values, row * width, width);
                ps.addBatch();
            }
            long count = 0;
            for (int rowCount : ps.executeBatch()) {
                count += rowCount == Statement.SUCCESS_NO_INFO ? 1 : Math.max(rowCount, 0);
            }
            if (keyColumn == null) {
                return new BatchResult(count, List.of());
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return new BatchResult(count, execution.readFirstColumn(keys));
            }
        }, BatchResult::rows);
    }

    @Override
    public long copy(String sql, List<Object> values, int width) {
        checkOpen();
        var observed = new SqlStatement(sql, Collections.unmodifiableList(values), false);
        return execution.load(operation, observed, connection, observed.binds(), width);
    }

    private BatchResult rowByRow(PreparedStatement ps, List<Object> values, int rows, int width)
            throws SQLException {
        long count = 0;
        List<Object> keys = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            execution.bind(ps, values, row * width, width);
            count += Math.max(ps.executeUpdate(), 0);
            try (ResultSet generated = ps.getGeneratedKeys()) {
                keys.addAll(execution.readFirstColumn(generated));
            }
        }
        return new BatchResult(count, keys);
    }

    @Override
    public int preparedStatements() {
        return (first == null ? 0 : 1) + (plain == null ? 0 : plain.size()) + (keyed == null ? 0 : keyed.size())
                + (keptUsed == null ? 0 : keptUsed.size());
    }

    /** Rows changed, or rows returned by a statement that gives a result set. */
    static long updateCount(PreparedStatement ps) throws SQLException {
        if (ps.execute()) {
            try (ResultSet rs = ps.getResultSet()) {
                long rows = 0;
                while (rs.next()) {
                    rows++;
                }
                return rows;
            }
        }
        return Math.max(ps.getUpdateCount(), 0);
    }

    private PreparedStatement prepareKept(String sql) throws SQLException {
        PreparedStatement ps = kept.prepare(sql);
        if (keptUsed == null) {
            keptUsed = new ArrayList<>(2);
        }
        for (PreparedStatement used : keptUsed) {
            if (used == ps) {
                return ps;
            }
        }
        keptUsed.add(ps);
        return ps;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        if (first == null) {
            first = connection.prepareStatement(sql);
            firstSql = sql;
            return first;
        }
        if (firstSql.equals(sql)) {
            return first;
        }
        if (plain == null) {
            plain = new HashMap<>(4);
        }
        PreparedStatement ps = plain.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            plain.put(sql, ps);
        }
        return ps;
    }

    private PreparedStatement prepareKeyed(String sql, String keyColumn) throws SQLException {
        if (keyed == null) {
            keyed = new HashMap<>(4);
        }
        String key = keyColumn + '\0' + sql;
        PreparedStatement ps = keyed.get(key);
        if (ps == null) {
            ps = connection.prepareStatement(sql, new String[] {keyColumn});
            keyed.put(key, ps);
        }
        return ps;
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it or the commit
     * throws, and leaves the connection in autocommit mode either way.
     */
    <T> T inTransaction(StatementWork<T> work) throws SQLException {
        execution.transactions().begin(connection);
        try {
            T result = work.run(this);
            try {
                execution.transactions().commit(connection);
            } catch (SQLException e) {
                throw execution.translate(e, null, operation);
            }
            return result;
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        } finally {
            restoreAutoCommit();
        }
    }

    private void rollback(Throwable cause) {
        try {
            execution.transactions().rollback(connection);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            operation.connectionLost();   // its state is unknown: it must not serve anyone else
        }
    }

    private void restoreAutoCommit() {
        try {
            execution.transactions().restore(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("restoring autocommit failed; the connection is discarded", e);
            operation.connectionLost();
        }
    }

    // ---------------------------------------------------------------- closing

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the statement runner was used after its call's work returned");
        }
    }

    /** Closes the prepared statements kept for reuse. */
    @Override
    public void close() {
        closed = true;
        if (first != null) {
            JdbcExecution.closeQuietly(first);
            first = null;
        }
        if (plain != null) {
            plain.values().forEach(JdbcExecution::closeQuietly);
            plain.clear();
        }
        if (keyed != null) {
            keyed.values().forEach(JdbcExecution::closeQuietly);
            keyed.clear();
        }
    }
}
