package dev.osprey.internal.sql;

import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.SqlType;
import dev.osprey.ConnectionLostException;
import dev.osprey.IntegrityViolationException;
import dev.osprey.OspreyException;
import dev.osprey.QueryCancelledException;
import dev.osprey.SerializationFailureException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * What one database needs done its own way: quoting, type names, what its DDL can say (identity
 * columns, {@code IF NOT EXISTS}, literals, table options), how Java values are bound and columns
 * read, and how its errors become Osprey's exceptions. Code elsewhere asks a dialect
 * ("does it support RETURNING?"), never which database it is. One subclass per database; an
 * instance knows the server version it was built for and is immutable and thread-safe.
 *
 * <p>Temporal values are truncated to microseconds before binding on every database, so the same
 * value reads back equal everywhere.
 */
public abstract class Dialect {
    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS}: how SQLite stores date-times, and a form every database reads. */
    static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .toFormatter();
    /** {@code HH:mm:ss.SSSSSS}. */
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .toFormatter();

    private final String productVersion;

    protected Dialect(String productVersion) {
        this.productVersion = productVersion;
    }

    /** Builds the dialect for the server behind {@code metaData}. */
    public static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String version = metaData.getDatabaseProductVersion();
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("postgres")) {
            return new PostgresDialect(version);
        }
        if (lower.contains("mariadb") || lower.contains("mysql")) {
            return new MariaDbDialect(product, version, metaData.getDatabaseMajorVersion(),
                    metaData.getDatabaseMinorVersion());
        }
        if (lower.contains("sqlite")) {
            return new SqliteDialect(version);
        }
        throw new IllegalArgumentException("Osprey has no dialect for " + product + " " + version
                + "; supported are SQLite, PostgreSQL, MariaDB and MySQL");
    }

    /** The database's name as users know it, e.g. {@code PostgreSQL}. */
    public abstract String name();

    /** The server version string the database reported. */
    public String productVersion() {
        return productVersion;
    }

    /** Can INSERT/UPDATE/DELETE return rows ({@code RETURNING})? */
    public abstract boolean supportsReturning();

    /** The most bind parameters one statement may carry. */
    public abstract int maxBindParameters();

    /** Is only one writer possible at a time (SQLite), so writes go to a single connection? */
    public boolean hasSingleWriter() {
        return false;
    }

    /**
     * Whether a failed statement aborts the whole transaction (PostgreSQL: every later statement fails
     * until a rollback), rather than undoing only itself as MariaDB and SQLite do. Where it does not,
     * a flush of one statement needs no savepoint to leave the transaction usable after a failure.
     */
    public boolean failedStatementAbortsTransaction() {
        return false;
    }

    /**
     * The statement that starts a transaction while the connection stays in autocommit mode (ended by
     * {@code COMMIT} or {@code ROLLBACK} statements), or {@code null} to switch autocommit off and on
     * through JDBC instead. MariaDB Connector/J sends each autocommit switch as a query of its own, so
     * there an explicit {@code START TRANSACTION} saves a round trip per transaction.
     */
    public String beginTransactionSql() {
        return null;
    }

    /** A statement every connection runs once when it is opened, to make the database behave as the others do; {@code null} for none. */
    public String sessionInitSql() {
        return null;
    }

    /** Quotes an identifier so that any name, including reserved words, is safe as SQL text. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The column type for {@code type}: {@code VARCHAR(n)}, or the unbounded text type when the length
     * is 0; {@code DECIMAL(p, s)} when a precision is given, else the database's own exact default.
     */
    public abstract String typeName(ColumnType type);

    /** {@link #typeName(ColumnType)} for a type without precision; {@code length} applies to VARCHAR. */
    public String typeName(SqlType type, int length) {
        return typeName(new ColumnType(type, length, 0, 0));
    }

    // ---------------------------------------------------------------- statements

    /** How an insert says what to do with a row that breaks a unique key. */
    public enum UpsertStyle {
        /** {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET …} with {@code EXCLUDED.col} (PostgreSQL, SQLite). */
        ON_CONFLICT,
        /** {@code ON DUPLICATE KEY UPDATE …} with {@code VALUES(col)}, reacting to any unique key (MySQL, MariaDB). */
        ON_DUPLICATE_KEY
    }

    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_CONFLICT;
    }

    /**
     * How an insert of more rows than one multi-row statement holds is sent fastest when it needs
     * nothing back: no generated ids, no {@code RETURNING}, no upsert clause.
     */
    public enum BulkInsertStyle {
        /** Multi-row {@code INSERT … VALUES (…), (…)} statements, as many rows each as the bind limit allows. */
        MULTI_ROW,
        /** One JDBC batch of one-row INSERTs, which the driver sends in bulk (MariaDB). */
        BATCH,
        /** {@code COPY table (columns) FROM STDIN}, streamed through {@link #bulkLoad}. */
        COPY
    }

    /** How this database takes a bulk insert that needs nothing back; multi-row INSERTs unless it has a faster way. */
    public BulkInsertStyle bulkInsertStyle() {
        return BulkInsertStyle.MULTI_ROW;
    }

    /**
     * The bulk load (a {@code COPY}) of {@code connection}, for a dialect whose
     * {@link #bulkInsertStyle()} is {@link BulkInsertStyle#COPY}.
     */
    public BulkLoad bulkLoad(Connection connection) throws SQLException {
        throw new UnsupportedOperationException(name() + " has no bulk-load protocol");
    }

    /** In an upsert's update, the value that was to be inserted into {@code quotedColumn}. */
    public String excluded(String quotedColumn) {
        return "EXCLUDED." + quotedColumn;
    }

    /** {@code INSERT} of one row of defaults only. */
    public String insertDefaultValues(String quotedTable) {
        return "INSERT INTO " + quotedTable + " DEFAULT VALUES";
    }

    /** Does {@code ORDER BY x NULLS FIRST/LAST} exist? Where not, the renderer orders by {@code x IS NULL} first. */
    public boolean supportsNullsOrdering() {
        return true;
    }

    /**
     * The LIMIT to write when only an OFFSET is wanted, on databases whose grammar has no OFFSET
     * without LIMIT; {@code null} where OFFSET stands alone.
     */
    public String limitForOffsetOnly() {
        return null;
    }

    /** Does {@code SELECT … FOR UPDATE} lock rows? Where not, it is left out. */
    public boolean supportsForUpdate() {
        return true;
    }

    /** Has a case-insensitive {@code ILIKE}? Where not, {@code LOWER(x) LIKE LOWER(p)} is used. */
    public boolean supportsIlike() {
        return false;
    }

    /** The {@code ESCAPE} clause literal for a backslash, which every LIKE Osprey renders uses. */
    public String likeEscapeLiteral() {
        return "'\\'";
    }

    /** Text concatenation of already rendered {@code parts}. */
    public String concat(java.util.List<String> parts) {
        return String.join(" || ", parts);
    }

    /** The current time in UTC, in the form instants are stored in. */
    public abstract String now();

    /** The operator of truncating integer division. */
    public String integerDivision() {
        return "/";
    }

    /**
     * {@code renderedColumn}, a DECIMAL column, as an operand of a comparison, ordering, aggregate or
     * arithmetic; a database that stores DECIMAL as text compares it as a number this way.
     */
    public String decimalOperand(String renderedColumn) {
        return renderedColumn;
    }

    // ---------------------------------------------------------------- DDL

    /**
     * The definition (after the column name) of a primary key whose values the database generates,
     * e.g. {@code BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY}; it includes the primary key.
     */
    public abstract String identityColumn(ColumnType type);

    /** Does {@code CREATE INDEX IF NOT EXISTS} exist? */
    public boolean supportsCreateIndexIfNotExists() {
        return true;
    }

    /** Do DDL statements take part in transactions, so that several can be committed or rolled back as one? */
    public abstract boolean supportsTransactionalDdl();

    /** The longest identifier, in UTF-8 bytes, the database keeps whole. */
    public abstract int maxIdentifierLength();

    /** What follows the closing parenthesis of {@code CREATE TABLE}, e.g. a storage engine; empty by default. */
    public String tableOptions() {
        return "";
    }

    /**
     * Whether {@code e} says that the object a {@code CREATE} statement would make (table, index)
     * exists already: how a database without {@code IF NOT EXISTS} stays idempotent.
     */
    public abstract boolean isAlreadyExists(SQLException e);

    /**
     * A column's default value as SQL: {@code value} is a {@link Boolean}, {@link BigInteger},
     * {@link BigDecimal} (exact or approximate numbers), {@link String}, {@link UUID}, {@link Instant},
     * {@link LocalDateTime}, {@link LocalDate} or {@link LocalTime}, already checked against the
     * column's type; it becomes a literal, never SQL text.
     */
    public String defaultValue(ColumnType type, Object value) {
        return switch (value) {
            case Boolean b -> booleanLiteral(b);
            case BigInteger i -> i.toString();
            case BigDecimal d -> type.sqlType() == SqlType.DECIMAL ? decimalLiteral(d) : d.toString();
            case String s -> stringLiteral(s);
            case UUID u -> stringLiteral(u.toString());
            case Instant t -> stringLiteral(instantText(t.truncatedTo(ChronoUnit.MICROS)));
            case LocalDateTime t -> stringLiteral(DATE_TIME.format(t.truncatedTo(ChronoUnit.MICROS)));
            case LocalDate d -> stringLiteral(d.toString());
            case LocalTime t -> stringLiteral(TIME.format(t.truncatedTo(ChronoUnit.MICROS)));
            default -> throw new IllegalArgumentException("no default literal for a " + value.getClass().getName());
        };
    }

    protected String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /** An exact number for a DECIMAL column. */
    protected String decimalLiteral(BigDecimal value) {
        return value.toPlainString();
    }

    /** A string literal: single quotes, each quote inside doubled (the SQL standard). */
    protected String stringLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** An instant as text the database reads back as that instant whatever its session time zone. */
    protected String instantText(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(value);
    }

    /** The SQL state of a statement cancelled on the server (SQL standard; PostgreSQL uses it). */
    static final String QUERY_CANCELED = "57014";

    // ---------------------------------------------------------------- cancelling

    /**
     * Asks the server once more to stop {@code statement}, which a first {@code cancel()} did not stop
     * (it may have reached the server before the statement did, and the server ignores a cancel with
     * nothing to stop). Called only while the statement is registered as running on its connection. By
     * default, {@code cancel()} again.
     */
    public void cancelAgain(Statement statement) throws SQLException {
        statement.cancel();
    }

    // ---------------------------------------------------------------- binding

    /** Binds {@code value} at {@code index} (1-based, as in JDBC). */
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        // The commonest types by plain instanceof tests, which the JIT makes a class compare each: the
        // type switch below costs a call through a method handle per value, seen in bulk inserts.
        if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else {
            bindOther(ps, index, value);
        }
    }

    private void bindOther(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case String s -> ps.setString(index, s);
            case Integer i -> ps.setInt(index, i);
            case Long l -> ps.setLong(index, l);
            case Boolean b -> ps.setBoolean(index, b);
            case Double d -> ps.setDouble(index, d);
            case Float f -> ps.setFloat(index, f);
            case Short s -> ps.setShort(index, s);
            case Byte b -> ps.setShort(index, b);
            case BigDecimal d -> ps.setBigDecimal(index, d);
            case BigInteger i -> ps.setBigDecimal(index, new BigDecimal(i));
            case byte[] bytes -> ps.setBytes(index, bytes);
            case Character c -> ps.setString(index, c.toString());
            case UUID u -> bindUuid(ps, index, u);
            case Instant t -> bindInstant(ps, index, t.truncatedTo(ChronoUnit.MICROS));
            case OffsetDateTime t -> bindInstant(ps, index, t.toInstant().truncatedTo(ChronoUnit.MICROS));
            case ZonedDateTime t -> bindInstant(ps, index, t.toInstant().truncatedTo(ChronoUnit.MICROS));
            case LocalDateTime t -> bindLocalDateTime(ps, index, t.truncatedTo(ChronoUnit.MICROS));
            case LocalDate d -> bindLocalDate(ps, index, d);
            case LocalTime t -> bindLocalTime(ps, index, t.truncatedTo(ChronoUnit.MICROS));
            case Enum<?> e -> ps.setString(index, e.name());
            default -> throw unbindable(value, "parameter " + index);
        }
    }

    /** The error for a value of a type that no database binds, as {@code where} (a parameter, a COPY value). */
    static IllegalArgumentException unbindable(Object value, String where) {
        return new IllegalArgumentException("cannot bind a value of type " + value.getClass().getName() + " as "
                + where + "; supported are String, numbers, Boolean, byte[], UUID, java.time values and enums");
    }

    protected void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        ps.setString(index, value.toString());
    }

    protected abstract void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException;

    protected void bindLocalDateTime(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    protected void bindLocalDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        ps.setObject(index, value);
    }

    protected void bindLocalTime(PreparedStatement ps, int index, LocalTime value) throws SQLException {
        ps.setObject(index, value);
    }

    // ---------------------------------------------------------------- reading

    /** How to read column {@code column} (1-based) of results shaped like {@code md}; decided once per result. */
    public ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        return ColumnReader.OBJECT;
    }

    /**
     * How to read column {@code column} when the caller wants it as a {@code wanted} ({@code null}: no
     * preference). A dialect may answer with a typed getter that skips the driver's generic
     * {@code getObject}; by default the same as {@link #reader(ResultSetMetaData, int)}.
     */
    public ColumnReader reader(ResultSetMetaData md, int column, Class<?> wanted) throws SQLException {
        return reader(md, column);
    }

    // ---------------------------------------------------------------- errors

    /**
     * Turns a driver error into Osprey's exception for it. Never puts bind values into the
     * message: only the server's message (with data values stripped where a database echoes
     * them), the SQL state and the SQL text.
     */
    public OspreyException translate(SQLException e, String sql) {
        OspreyException specific = translateSpecific(e, sql);
        if (specific != null) {
            return specific;
        }
        String state = e.getSQLState();
        String message = message(e);
        if (state != null) {
            if (state.startsWith("08")) {
                return new ConnectionLostException(message, state, sql, e);
            }
            if (state.equals("40001") || state.equals("40P01")) {
                return new SerializationFailureException(message, state, sql, e);
            }
            if (state.startsWith("23")) {
                return new IntegrityViolationException(message, IntegrityViolationException.Kind.OTHER, null, state,
                        sql, e);
            }
            if (state.equals(QUERY_CANCELED)) {
                return new QueryCancelledException(message, state, sql, e);
            }
        }
        if (e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException) {
            return new ConnectionLostException(message, state, sql, e);
        }
        return new OspreyException(message, state, sql, e);
    }

    /** The dialect's own translation, or {@code null} to fall back to the SQL-state rules. */
    protected abstract OspreyException translateSpecific(SQLException e, String sql);

    /** The server's message for {@code e} without data values. */
    protected String message(SQLException e) {
        return e.getMessage();
    }

    @Override
    public String toString() {
        return name() + " " + productVersion;
    }
}
