package dev.osprey.internal.sql;

import dev.osprey.mapping.ColumnType;
import dev.osprey.IntegrityViolationException;
import dev.osprey.IntegrityViolationException.Kind;
import dev.osprey.OspreyException;
import dev.osprey.QueryCancelledException;
import dev.osprey.SerializationFailureException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * SQLite 3.35+ through sqlite-jdbc. SQLite has no date types: date-times are stored as text
 * {@code yyyy-MM-dd HH:mm:ss.SSSSSS} (instants in UTC), which sorts in time order and is understood by
 * SQLite's date functions. SQLite reports no SQL states; Osprey gives its errors the standard ones
 * (23505, 23502, 23503, 23514, 40001, 57014). Immutable and thread-safe.
 */
final class SqliteDialect extends Dialect {
    /** Java types SQLite stores as text, so {@code getString} reads them. */
    private static final Set<Class<?>> TEXT_STORED = Set.of(String.class, Instant.class, LocalDateTime.class,
            OffsetDateTime.class, LocalDate.class, LocalTime.class);
    /** Java types SQLite stores as integers. */
    private static final Set<Class<?>> INTEGER_STORED = Set.of(Long.class, Integer.class, Short.class, Byte.class,
            Boolean.class);
    /**
     * An integer column through {@code getLong}, as {@code getObject} gives it (an Integer when it fits, else
     * a Long) but with one native call instead of two; only a 0 is asked whether it was NULL.
     */
    private static final ColumnReader INTEGER = ColumnReader.wholeNumbers((rs, column) -> {
        long value = rs.getLong(column);
        if (value == 0 && rs.wasNull()) {
            return null;
        }
        return (int) value == value ? (Object) (int) value : (Object) value;
    });

    SqliteDialect(String version) {
        super(version);
    }

    @Override
    public String name() {
        return "SQLite";
    }

    /** The stored text form of instants, {@code yyyy-MM-dd HH:mm:ss.SSSSSS} (SQLite's clock gives milliseconds). */
    @Override
    public String now() {
        return "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')";
    }

    @Override
    public String limitForOffsetOnly() {
        return "-1";
    }

    /** SQLite has one writer and no row locks: FOR UPDATE would be a syntax error and is not needed. */
    @Override
    public boolean supportsForUpdate() {
        return false;
    }

    /** DECIMAL is stored as text to keep it exact; compare and aggregate it as a number. */
    @Override
    public String decimalOperand(String renderedColumn) {
        return "CAST(" + renderedColumn + " AS REAL)";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public int maxBindParameters() {
        return 32_766;
    }

    @Override
    public boolean hasSingleWriter() {
        return true;
    }

    @Override
    public String typeName(ColumnType type) {
        return switch (type.sqlType()) {
            case BOOLEAN -> "BOOLEAN";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE";
            // Text even with a precision: SQLite's NUMERIC affinity would round to a double.
            case DECIMAL -> "TEXT";
            case VARCHAR -> type.length() > 0 ? "VARCHAR(" + type.length() + ")" : "TEXT";
            case TEXT, UUID -> "TEXT";
            case BINARY -> "BLOB";
            case TIMESTAMP_UTC, TIMESTAMP -> "DATETIME";
            case DATE -> "DATE";
            case TIME -> "TIME";
        };
    }

    /** Only {@code INTEGER PRIMARY KEY} is the rowid; AUTOINCREMENT keeps ids of deleted rows from coming back. */
    @Override
    public String identityColumn(ColumnType type) {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean isAlreadyExists(SQLException e) {
        String message = e.getMessage();
        return e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_ERROR
                && message != null && message.contains(" already exists");
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";   // what a bound Boolean becomes
    }

    /** Decimals are stored as text, exactly as a bound BigDecimal is. */
    @Override
    protected String decimalLiteral(BigDecimal value) {
        return stringLiteral(value.toPlainString());
    }

    @Override
    protected String instantText(Instant value) {
        return DateTimeText.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    protected void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setString(index, DateTimeText.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC)));
    }

    @Override
    protected void bindLocalDateTime(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        ps.setString(index, DateTimeText.format(value));
    }

    @Override
    protected void bindLocalDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        ps.setString(index, value.toString());
    }

    @Override
    protected void bindLocalTime(PreparedStatement ps, int index, LocalTime value) throws SQLException {
        ps.setString(index, TIME.format(value));
    }

    @Override
    protected OspreyException translateSpecific(SQLException e, String sql) {
        if (!(e instanceof SQLiteException sqlite)) {
            return null;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        String message = message(e);
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY ->
                    new IntegrityViolationException(message, Kind.UNIQUE, null, "23505", sql, e);
            case SQLITE_CONSTRAINT_NOTNULL ->
                    new IntegrityViolationException(message, Kind.NOT_NULL, null, "23502", sql, e);
            case SQLITE_CONSTRAINT_FOREIGNKEY ->
                    new IntegrityViolationException(message, Kind.FOREIGN_KEY, null, "23503", sql, e);
            case SQLITE_CONSTRAINT_CHECK ->
                    new IntegrityViolationException(message, Kind.CHECK, checkName(message), "23514", sql, e);
            case SQLITE_CONSTRAINT -> new IntegrityViolationException(message, Kind.OTHER, null, "23000", sql, e);
            case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, SQLITE_BUSY_RECOVERY, SQLITE_LOCKED,
                 SQLITE_LOCKED_SHAREDCACHE -> new SerializationFailureException(message, "40001", sql, e);
            case SQLITE_INTERRUPT -> new QueryCancelledException(message, QUERY_CANCELED, sql, e);
            default -> code.name().startsWith("SQLITE_CONSTRAINT")
                    ? new IntegrityViolationException(message, Kind.OTHER, null, "23000", sql, e)
                    : null;
        };
    }

    @Override
    protected String message(SQLException e) {
        // sqlite-jdbc prefixes "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.c)"
        String message = e.getMessage() == null ? "database error" : e.getMessage();
        int open = message.lastIndexOf('(');
        if (message.startsWith("[") && open > 0 && message.endsWith(")")) {
            return message.substring(open + 1, message.length() - 1);
        }
        return message;
    }

    /** SQLite names a named check constraint in "CHECK constraint failed: name". */
    private static String checkName(String message) {
        String marker = "CHECK constraint failed: ";
        int at = message.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String name = message.substring(at + marker.length()).trim();
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
    }

    /**
     * Typed getters where the wanted type says how the value is stored: strings and date-times through
     * {@code getString}, whole numbers and booleans through {@code getLong}. That is one native call a
     * value, where {@code getObject} asks for the column's type first. Like a typed JDBC getter, it lets
     * SQLite convert a value stored with another type in such a column (SQLite's flexible typing: text
     * {@code '12'} reads as 12, a real 1.5 as 1). Anything else keeps {@code getObject}.
     */
    @Override
    public ColumnReader reader(ResultSetMetaData md, int column, Class<?> wanted) {
        if (wanted == Long.class) {
            return ColumnReader.LONG;
        }
        if (wanted != null && INTEGER_STORED.contains(wanted)) {
            return INTEGER;
        }
        return wanted != null && TEXT_STORED.contains(wanted) ? ColumnReader.STRING : ColumnReader.OBJECT;
    }
}
