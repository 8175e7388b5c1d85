package dev.osprey.internal.driver;

import dev.osprey.Config;
import dev.osprey.ConnectionLostException;
import dev.osprey.OspreyException;
import dev.osprey.QueryTimeoutException;
import dev.osprey.Row;
import dev.osprey.StatementListener;
import dev.osprey.internal.sql.BulkLoad;
import dev.osprey.internal.sql.ColumnReader;
import dev.osprey.internal.sql.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

/**
 * How the JDBC driver runs one statement: as one observed, cancellable, timed unit. Listeners see
 * it start and end, the statement timeout covers it, cancelling the call cancels it, and its errors
 * are translated by the dialect and carry its SQL text. Every statement Osprey sends itself goes
 * through {@link #execute} (a {@code COPY} through {@link #load}); only {@code withConnection}
 * callbacks' own statements do not. Also reads result sets with the dialect's column readers.
 * Thread-safe.
 */
final class JdbcExecution {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcExecution.class);

    private final Dialect dialect;
    private final Config config;
    private final ReentrantLock timerLock = new ReentrantLock();
    private ScheduledExecutorService timer;
    private final StatementListener[] listeners;
    private final TransactionControl transactions;

    JdbcExecution(Dialect dialect, Config config) {
        this.dialect = dialect;
        this.transactions = new TransactionControl(dialect);
        this.config = config;
        List<StatementListener> all = new ArrayList<>(config.listeners());
        if (config.echo()) {
            all.add(new EchoListener());
        }
        this.listeners = all.toArray(StatementListener[]::new);
    }

    Dialect dialect() {
        return dialect;
    }

    TransactionControl transactions() {
        return transactions;
    }

    /** Makes the {@code PreparedStatement} for some SQL text: a new one, or one kept for reuse. */
    @FunctionalInterface
    interface Preparer {
        PreparedStatement prepare(String sql) throws SQLException;
    }

    /** Binds values to the prepared statement, runs it and reads what it gives. */
    @FunctionalInterface
    interface Body<R> {
        R run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Prepares (through {@code preparer}) and runs {@code statement} with {@code body}, which binds
     * the values and executes it; closes the prepared statement afterwards when {@code close}.
     * {@code rows} says how many rows the result stands for, for listeners.
     *
     * @throws OspreyException the translated error when the database refuses the statement
     */
    <R> R execute(Operation<?> operation, SqlStatement statement, Preparer preparer, boolean close, Body<R> body,
                  ToLongFunction<R> rows) {
        return observed(operation, statement, rows, () -> {
            PreparedStatement ps = preparer.prepare(statement.sql());
            try {
                return timed(operation, Operation.running(ps, dialect::cancelAgain), () -> body.run(ps));
            } finally {
                if (close) {
                    closeQuietly(ps);
                }
            }
        });
    }

    /**
     * Runs {@code statement}, a {@code COPY}, through the dialect's {@link BulkLoad} on {@code connection}
     * with {@code values}, {@code width} a row; listeners see {@code statement}, and the call stops it
     * through the load's own cancel. Gives the rows stored.
     *
     * @throws OspreyException the translated error when the database refuses the load
     */
    long load(Operation<?> operation, SqlStatement statement, Connection connection, List<Object> values, int width) {
        return observed(operation, statement, Long::longValue, () -> {
            BulkLoad load = dialect.bulkLoad(connection);
            return timed(operation, load::cancel, () -> load.load(statement.sql(), values, width));
        });
    }

    /** Blocking JDBC work of one statement. */
    @FunctionalInterface
    private interface Work<R> {
        R run() throws SQLException;
    }

    /** Runs {@code work} as {@code statement}: listeners see it start and end, and its errors are translated. */
    private <R> R observed(Operation<?> operation, SqlStatement statement, ToLongFunction<R> rows, Work<R> work) {
        for (StatementListener listener : listeners) {
            notifyStarted(listener, statement);
        }
        long start = System.nanoTime();
        try {
            R result = work.run();
            finished(statement, start, rows.applyAsLong(result), null);
            return result;
        } catch (SQLException e) {
            OspreyException error = translate(e, statement.sql(), operation);
            finished(statement, start, -1, error);
            throw error;
        } catch (RuntimeException e) {
            finished(statement, start, -1, e);
            throw e;
        }
    }

    /** Runs {@code work} with {@code running} registered with the call: a cancel or the statement timeout stops it. */
    private <R> R timed(Operation<?> operation, Operation.Running running, Work<R> work) throws SQLException {
        operation.begin(running);
        Duration limit = timeoutOf(operation);
        ScheduledFuture<?> timeout = limit.isZero() ? null
                : timer().schedule(operation::timeout, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.run();
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
            operation.end(running);
        }
    }

    /** Binds {@code binds} in order, from parameter 1. */
    void bind(PreparedStatement ps, List<Object> binds) throws SQLException {
        bind(ps, binds, 0, binds.size());
    }

    /** Binds the {@code count} values of {@code values} from index {@code from} in order, from parameter 1. */
    void bind(PreparedStatement ps, List<Object> values, int from, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            dialect.bind(ps, i + 1, values.get(from + i));
        }
    }

    /** Every row of {@code rs} made by {@code mapper}; one raw-value array serves all rows. */
    <T> List<T> read(ResultSet rs, RowMapper<T> mapper) throws SQLException {
        ColumnReader[] readers = readers(rs.getMetaData(), mapper);
        List<T> rows = new ArrayList<>();
        RowMapper.Reader<T> direct = mapper.reader(new Columns(rs, readers));
        if (direct != null) {
            while (rs.next()) {
                rows.add(direct.read());
            }
            return rows;
        }
        int count = readers.length;
        Object[] raw = new Object[count];
        while (rs.next()) {
            for (int i = 0; i < count; i++) {
                raw[i] = readers[i].read(rs, i + 1);
            }
            rows.add(mapper.map(raw));
        }
        return rows;
    }

    /**
     * The columns of {@code rs} read with the dialect's readers; {@link #getLong} reads an integer column
     * with {@code getLong}, any other through its reader and {@link ValueConverter}.
     */
    private static final class Columns implements ResultColumns {
        private final ResultSet rs;
        private final ColumnReader[] readers;
        private boolean convertedNull;
        private boolean converted;

        Columns(ResultSet rs, ColumnReader[] readers) {
            this.rs = rs;
            this.readers = readers;
        }

        @Override
        public int count() {
            return readers.length;
        }

        @Override
        public Object get(int index) throws SQLException {
            converted = false;
            return readers[index].read(rs, index + 1);
        }

        @Override
        public long getLong(int index) throws SQLException {
            ColumnReader reader = readers[index];
            converted = !reader.wholeNumbers();
            if (!converted) {
                return rs.getLong(index + 1);
            }
            Object value = reader.read(rs, index + 1);
            convertedNull = value == null;
            return value == null ? 0 : ValueConverter.convert(value, Long.class);
        }

        @Override
        public boolean wasNull() throws SQLException {
            return converted ? convertedNull : rs.wasNull();
        }
    }

    /** Every row of {@code rs} as a {@link Row} (raw SQL queries). */
    List<Row> readRows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int count = md.getColumnCount();
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(md.getColumnLabel(i + 1));
        }
        var columns = new ArrayRow.Columns(labels);
        return read(rs, raw -> new ArrayRow(columns, raw.clone()));
    }

    /** The values of the first column of {@code rs} (generated keys). */
    List<Object> readFirstColumn(ResultSet rs) throws SQLException {
        ColumnReader reader = dialect.reader(rs.getMetaData(), 1);
        List<Object> values = new ArrayList<>();
        while (rs.next()) {
            values.add(reader.read(rs, 1));
        }
        return values;
    }

    private ColumnReader[] readers(ResultSetMetaData md, RowMapper<?> mapper) throws SQLException {
        ColumnReader[] readers = new ColumnReader[md.getColumnCount()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = dialect.reader(md, i + 1, mapper.readAs(i));
        }
        return readers;
    }

    /**
     * Osprey's exception for {@code e}; remembers on the call when the connection broke, so that it
     * is evicted from the pool even if the work caught the error.
     */
    OspreyException translate(SQLException e, String sql, Operation<?> operation) {
        OspreyException error;
        if (operation.timedOut()) {
            error = new QueryTimeoutException("the statement ran longer than the statement timeout of "
                    + timeoutOf(operation).toMillis() + " ms and was cancelled", e.getSQLState(), sql, e);
        } else {
            error = dialect.translate(e, sql);
        }
        if (error instanceof ConnectionLostException) {
            operation.connectionLost();
        }
        return error;
    }

    // ---------------------------------------------------------------- listeners

    private static void notifyStarted(StatementListener listener, SqlStatement statement) {
        try {
            listener.started(statement.sql(), statement.binds());
        } catch (RuntimeException e) {
            LOG.warn("statement listener {} failed", listener, e);
        }
    }

    private void finished(SqlStatement statement, long start, long rows, Throwable failure) {
        if (listeners.length == 0) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (StatementListener listener : listeners) {
            try {
                listener.finished(statement.sql(), statement.binds(), elapsed, rows, failure);
            } catch (RuntimeException e) {
                LOG.warn("statement listener {} failed", listener, e);
            }
        }
    }

    // ---------------------------------------------------------------- closing

    static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing a prepared statement failed", e);   // the connection's return to the pool cleans up
        }
    }

    /** The statement timeout of {@code operation}'s statements: its own, else the configured one. */
    private Duration timeoutOf(Operation<?> operation) {
        Duration own = operation.statementTimeout();
        return own != null ? own : config.statementTimeout();
    }

    /** The timer, started on the first statement that has a timeout. */
    private ScheduledExecutorService timer() {
        timerLock.lock();
        try {
            if (timer == null) {
                timer = newTimer();
            }
            return timer;
        } finally {
            timerLock.unlock();
        }
    }

    /** Stops the statement-timeout timer. */
    void close() {
        timerLock.lock();
        try {
            if (timer != null) {
                timer.shutdownNow();
            }
        } finally {
            timerLock.unlock();
        }
    }

    private static ScheduledExecutorService newTimer() {
        var timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("osprey-statement-timeout").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
