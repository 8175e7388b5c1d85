package dev.osprey.internal.sql;

import dev.osprey.mapping.SqlType;
import dev.osprey.ConnectionLostException;
import dev.osprey.IntegrityViolationException;
import dev.osprey.IntegrityViolationException.Kind;
import dev.osprey.OspreyException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** PostgreSQL 13+ through pgjdbc (and the databases that speak its protocol). Immutable and thread-safe. */
final class PostgresDialect extends Dialect {

    PostgresDialect(String version) {
        super(version);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public int maxBindParameters() {
        return 32_767;
    }

    @Override
    public String typeName(SqlType type, int length) {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC";
            case VARCHAR -> "VARCHAR(" + length + ")";
            case TEXT -> "TEXT";
            case BINARY -> "BYTEA";
            case UUID -> "UUID";
            case TIMESTAMP_UTC -> "TIMESTAMP WITH TIME ZONE";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case TIME -> "TIME";
        };
    }

    @Override
    protected void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        return switch (md.getColumnTypeName(column)) {
            case "timestamptz" -> (rs, c) -> rs.getObject(c, OffsetDateTime.class);
            case "timestamp" -> (rs, c) -> rs.getObject(c, LocalDateTime.class);
            case "date" -> (rs, c) -> rs.getObject(c, LocalDate.class);
            case "time" -> (rs, c) -> rs.getObject(c, LocalTime.class);
            default -> ColumnReader.OBJECT;
        };
    }

    @Override
    protected OspreyException translateSpecific(SQLException e, String sql) {
        String state = e.getSQLState();
        if (state == null) {
            return null;
        }
        String message = message(e);
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        return switch (state) {
            case "23505" -> new IntegrityViolationException(message, Kind.UNIQUE, constraint, state, sql, e);
            case "23502" -> new IntegrityViolationException(message, Kind.NOT_NULL, constraint, state, sql, e);
            case "23503" -> new IntegrityViolationException(message, Kind.FOREIGN_KEY, constraint, state, sql, e);
            case "23514" -> new IntegrityViolationException(message, Kind.CHECK, constraint, state, sql, e);
            // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now
            case "57P01", "57P02", "57P03" -> new ConnectionLostException(message, state, sql, e);
            default -> null;
        };
    }

    @Override
    protected String message(SQLException e) {
        // The primary message only: the DETAIL line can quote row values.
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return e.getMessage();
    }
}
