package dev.osprey.internal.sql;

import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.SqlType;
import dev.osprey.ConnectionLostException;
import dev.osprey.IntegrityViolationException;
import dev.osprey.IntegrityViolationException.Kind;
import dev.osprey.OspreyException;
import dev.osprey.QueryCancelledException;
import dev.osprey.SerializationFailureException;

import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB 10.6+ and MySQL 8 through MariaDB Connector/J. Instants are stored as UTC in
 * {@code DATETIME(6)} (MySQL's {@code TIMESTAMP} ends in 2038). Tables are InnoDB in
 * {@code utf8mb4} with the binary collation {@code utf8mb4_bin}, so that unique keys and
 * comparisons are case- and accent-sensitive as on PostgreSQL and SQLite. Immutable and thread-safe.
 */
final class MariaDbDialect extends Dialect {
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    private static final Pattern DUPLICATE_ENTRY = Pattern.compile("Duplicate entry '.*' for key '([^']*)'",
            Pattern.DOTALL);
    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]*)`");

    private final String product;
    private final boolean returning;
    private final boolean mariaDb;
    private final boolean simultaneousAssignment;

    MariaDbDialect(String product, String version, int major, int minor) {
        super(version);
        boolean mariaDb = product.toLowerCase(java.util.Locale.ROOT).contains("mariadb")
                || version.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        this.mariaDb = mariaDb;
        this.product = mariaDb ? "MariaDB" : "MySQL";
        // INSERT ... RETURNING arrived in MariaDB 10.5; MySQL has none.
        this.returning = mariaDb && (major > 10 || (major == 10 && minor >= 5));
        // SIMULTANEOUS_ASSIGNMENT arrived in MariaDB 10.3.5; MySQL has none.
        this.simultaneousAssignment = mariaDb && (major > 10 || (major == 10 && minor >= 4));
    }

    @Override
    public String name() {
        return product;
    }

    /**
     * MariaDB evaluates an UPDATE's SET list left to right, so {@code SET a = a + 1, b = a} would see
     * the new {@code a}; SIMULTANEOUS_ASSIGNMENT makes every expression see the row as it was, as the
     * SQL standard, PostgreSQL and SQLite do. (MySQL cannot: there the order of assignments matters.)
     */
    @Override
    public String sessionInitSql() {
        return simultaneousAssignment ? "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',SIMULTANEOUS_ASSIGNMENT')"
                : null;
    }

    @Override
    public String beginTransactionSql() {
        return "START TRANSACTION";
    }

    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_DUPLICATE_KEY;
    }

    @Override
    public String excluded(String quotedColumn) {
        return "VALUES(" + quotedColumn + ")";
    }

    @Override
    public String insertDefaultValues(String quotedTable) {
        return "INSERT INTO " + quotedTable + " () VALUES ()";
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public String limitForOffsetOnly() {
        return "18446744073709551615";
    }

    /** A backslash in a string literal escapes the next character here, so the escape literal doubles it. */
    @Override
    public String likeEscapeLiteral() {
        return "'\\\\'";
    }

    @Override
    public String concat(java.util.List<String> parts) {
        return "CONCAT(" + String.join(", ", parts) + ")";
    }

    /** Instants are stored as UTC wall time in DATETIME(6). */
    @Override
    public String now() {
        return "UTC_TIMESTAMP(6)";
    }

    @Override
    public String integerDivision() {
        return "DIV";
    }

    @Override
    public boolean supportsReturning() {
        return returning;
    }

    @Override
    public int maxBindParameters() {
        return 65_535;
    }

    /**
     * Connector/J sends a batch of one-row INSERTs to MariaDB with its bulk protocol (the statement
     * once, then the rows' values), which beats multi-row INSERTs that the server must parse. MySQL
     * has no bulk command, so there multi-row INSERTs stay.
     */
    @Override
    public BulkInsertStyle bulkInsertStyle() {
        return mariaDb ? BulkInsertStyle.BATCH : BulkInsertStyle.MULTI_ROW;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String typeName(ColumnType type) {
        return switch (type.sqlType()) {
            case BOOLEAN -> "BOOLEAN";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            // FLOAT would refuse Float.MAX_VALUE as the driver sends it ("3.4028235E38" is above FLT_MAX)
            // and reads back only 6 significant digits; a DOUBLE holds every float exactly.
            case REAL, DOUBLE -> "DOUBLE";
            case DECIMAL -> type.precision() > 0 ? "DECIMAL(" + type.precision() + ", " + type.scale() + ")"
                    : "DECIMAL(65, 30)";
            case VARCHAR -> type.length() > 0 ? "VARCHAR(" + type.length() + ")" : "LONGTEXT";
            case TEXT -> "LONGTEXT";
            case BINARY -> "LONGBLOB";
            case UUID -> "CHAR(36)";
            case TIMESTAMP_UTC, TIMESTAMP -> "DATETIME(6)";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
        };
    }

    @Override
    public String identityColumn(ColumnType type) {
        return typeName(type) + " AUTO_INCREMENT PRIMARY KEY";
    }

    /** MariaDB has {@code CREATE INDEX IF NOT EXISTS}; MySQL 8 does not. */
    @Override
    public boolean supportsCreateIndexIfNotExists() {
        return mariaDb;
    }

    /** Each DDL statement commits implicitly. */
    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public int maxIdentifierLength() {
        return 64;   // characters; longer names are refused, so Osprey keeps to 64 bytes
    }

    /**
     * InnoDB for transactions and foreign keys; {@code utf8mb4} for all of Unicode; the binary
     * collation so that {@code 'a'} and {@code 'A'} are different values, as on PostgreSQL and SQLite.
     */
    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    /** 1050: table exists; 1061: duplicate key name (an index of that name exists). */
    @Override
    public boolean isAlreadyExists(SQLException e) {
        return e.getErrorCode() == 1050 || e.getErrorCode() == 1061;
    }

    /**
     * MySQL takes a default on TEXT and BLOB columns only as an expression, in parentheses;
     * MariaDB takes the plain literal.
     */
    @Override
    public String defaultValue(ColumnType type, Object value) {
        String literal = super.defaultValue(type, value);
        boolean lob = type.sqlType() == SqlType.TEXT || type.sqlType() == SqlType.BINARY
                || type.sqlType() == SqlType.VARCHAR && type.length() == 0;
        return lob && !mariaDb ? "(" + literal + ")" : literal;
    }

    /**
     * Backslashes are doubled as well as quotes: with the default SQL mode a backslash escapes the next
     * character. Under {@code NO_BACKSLASH_ESCAPES} the value then keeps two backslashes, but it can
     * never end the literal early.
     */
    @Override
    protected String stringLiteral(String value) {
        return '\'' + value.replace("\\", "\\\\").replace("'", "''") + '\'';
    }

    @Override
    protected String instantText(Instant value) {
        return DateTimeText.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    protected void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    /** Integer columns; an unsigned BIGINT may exceed a long, and keeps getObject (a BigInteger). */
    private static final ColumnReader WHOLE_NUMBERS = ColumnReader.wholeNumbers(ColumnReader.OBJECT);

    @Override
    public ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        return switch (md.getColumnType(column)) {
            case Types.TIMESTAMP -> (rs, c) -> rs.getObject(c, LocalDateTime.class);
            case Types.DATE -> (rs, c) -> rs.getObject(c, LocalDate.class);
            case Types.TIME -> (rs, c) -> rs.getObject(c, LocalTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> (rs, c) -> rs.getBytes(c);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
                    md.isSigned(column) || md.getColumnType(column) != Types.BIGINT ? WHOLE_NUMBERS : ColumnReader.OBJECT;
            default -> ColumnReader.OBJECT;
        };
    }

    /** A {@code Long} or {@code String} wanted from an integer or text column through the typed getter. */
    @Override
    public ColumnReader reader(ResultSetMetaData md, int column, Class<?> wanted) throws SQLException {
        int type = md.getColumnType(column);
        if (wanted == Long.class && (type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER
                || (type == Types.BIGINT && md.isSigned(column)))) {
            return ColumnReader.LONG;
        }
        if (wanted == String.class && (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR
                || type == Types.NVARCHAR || type == Types.NCHAR || type == Types.LONGNVARCHAR)) {
            return ColumnReader.STRING;
        }
        return reader(md, column);
    }

    @Override
    protected OspreyException translateSpecific(SQLException e, String sql) {
        String state = e.getSQLState();
        String message = message(e);
        return switch (e.getErrorCode()) {
            case 1062, 1586 -> integrity(message, Kind.UNIQUE, keyName(e.getMessage()), state, sql, e);
            case 1048, 1364 -> integrity(message, Kind.NOT_NULL, null, state, sql, e);
            case 1216, 1217, 1451, 1452 -> integrity(message, Kind.FOREIGN_KEY, constraintName(e.getMessage()), state,
                    sql, e);
            case 3819, 4025 -> integrity(message, Kind.CHECK, constraintName(e.getMessage()), state, sql, e);
            case 1213, 1205 -> new SerializationFailureException(message, state, sql, e);
            case 1317 -> new QueryCancelledException(message, state, sql, e);
            // connection killed; server gone away; lost connection during query
            case 1927, 2006, 2013 -> new ConnectionLostException(message, state, sql, e);
            default -> null;
        };
    }

    @Override
    protected String message(SQLException e) {
        String message = e.getMessage() == null ? "database error" : e.getMessage();
        message = CONNECTION_PREFIX.matcher(message).replaceFirst("");
        Matcher duplicate = DUPLICATE_ENTRY.matcher(message);
        if (duplicate.find()) {
            // the server quotes the duplicate value; keep only the key
            return "Duplicate entry for key '" + duplicate.group(1) + "'";
        }
        return message;
    }

    private static IntegrityViolationException integrity(String message, Kind kind, String constraint, String state,
                                                         String sql, SQLException e) {
        return new IntegrityViolationException(message, kind, constraint, state == null ? "23000" : state, sql, e);
    }

    private static String keyName(String message) {
        Matcher m = DUPLICATE_ENTRY.matcher(message == null ? "" : message);
        if (!m.find()) {
            return null;
        }
        String key = m.group(1);
        int dot = key.lastIndexOf('.');   // MySQL 8 reports table.key
        return dot >= 0 ? key.substring(dot + 1) : key;
    }

    private static String constraintName(String message) {
        Matcher m = NAMED_CONSTRAINT.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : null;
    }
}
