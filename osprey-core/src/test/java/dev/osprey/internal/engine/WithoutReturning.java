package dev.osprey.internal.engine;

import dev.osprey.OspreyException;
import dev.osprey.internal.sql.BulkLoad;
import dev.osprey.internal.sql.ColumnReader;
import dev.osprey.internal.sql.Dialect;
import dev.osprey.mapping.ColumnType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A real database's dialect that says it has no {@code INSERT … RETURNING}, as MySQL does: renders
 * and plans what Osprey does on MySQL, run against the test databases. Everything else is the real
 * dialect's answer.
 */
final class WithoutReturning extends Dialect {
    private final Dialect real;

    WithoutReturning(Dialect real) {
        super(real.productVersion());
        this.real = real;
    }

    @Override public boolean supportsReturning() { return false; }

    @Override public String name() { return real.name(); }
    @Override public int maxBindParameters() { return real.maxBindParameters(); }
    @Override public boolean hasSingleWriter() { return real.hasSingleWriter(); }
    @Override public String quote(String identifier) { return real.quote(identifier); }
    @Override public String typeName(ColumnType type) { return real.typeName(type); }
    @Override public UpsertStyle upsertStyle() { return real.upsertStyle(); }
    @Override public BulkInsertStyle bulkInsertStyle() { return real.bulkInsertStyle(); }
    @Override public BulkLoad bulkLoad(Connection connection) throws SQLException { return real.bulkLoad(connection); }
    @Override public String excluded(String quotedColumn) { return real.excluded(quotedColumn); }
    @Override public String insertDefaultValues(String quotedTable) { return real.insertDefaultValues(quotedTable); }
    @Override public boolean supportsNullsOrdering() { return real.supportsNullsOrdering(); }
    @Override public String limitForOffsetOnly() { return real.limitForOffsetOnly(); }
    @Override public boolean supportsForUpdate() { return real.supportsForUpdate(); }
    @Override public boolean supportsIlike() { return real.supportsIlike(); }
    @Override public String likeEscapeLiteral() { return real.likeEscapeLiteral(); }
    @Override public String concat(List<String> parts) { return real.concat(parts); }
    @Override public String now() { return real.now(); }
    @Override public String integerDivision() { return real.integerDivision(); }
    @Override public String decimalOperand(String renderedColumn) { return real.decimalOperand(renderedColumn); }
    @Override public String identityColumn(ColumnType type) { return real.identityColumn(type); }
    @Override public boolean supportsCreateIndexIfNotExists() { return real.supportsCreateIndexIfNotExists(); }
    @Override public boolean supportsTransactionalDdl() { return real.supportsTransactionalDdl(); }
    @Override public int maxIdentifierLength() { return real.maxIdentifierLength(); }
    @Override public String tableOptions() { return real.tableOptions(); }
    @Override public boolean isAlreadyExists(SQLException e) { return real.isAlreadyExists(e); }
    @Override public String defaultValue(ColumnType type, Object value) { return real.defaultValue(type, value); }
    @Override public void bind(PreparedStatement ps, int index, Object value) throws SQLException { real.bind(ps, index, value); }
    @Override public ColumnReader reader(ResultSetMetaData md, int column) throws SQLException { return real.reader(md, column); }
    @Override public OspreyException translate(SQLException e, String sql) { return real.translate(e, sql); }

    @Override
    protected void bindInstant(PreparedStatement ps, int index, Instant value) {
        throw new AssertionError("bind delegates to the real dialect");
    }

    @Override
    protected OspreyException translateSpecific(SQLException e, String sql) {
        throw new AssertionError("translate delegates to the real dialect");
    }
}
