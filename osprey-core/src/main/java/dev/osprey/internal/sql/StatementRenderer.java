package dev.osprey.internal.sql;

import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.query.Comparison;
import dev.osprey.internal.query.DeleteStatement;
import dev.osprey.internal.query.InsertStatement;
import dev.osprey.internal.query.Param;
import dev.osprey.internal.query.Projection;
import dev.osprey.internal.query.SelectStatement;
import dev.osprey.internal.query.UpdateStatement;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Assignment;
import dev.osprey.query.Expression;
import dev.osprey.query.Order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Renders statement trees to SQL text and bind values for one {@link Dialect}. Values are always
 * bound, identifiers always quoted. SQL text is cached by statement shape: one walk of a tree
 * records the pieces its text is made of (a {@link ShapeKey}) and collects its binds, and only a shape
 * not seen before is walked again to write the text. Mistakes found while rendering (a column from a table
 * the statement does not read, an update without a where clause) are {@link IllegalArgumentException}s.
 * Thread-safe.
 */
public final class StatementRenderer {
    /** Shapes kept; an application has a bounded number of statement shapes, this only guards against a runaway. */
    private static final int CACHE_LIMIT = 10_000;

    private final Dialect dialect;
    private final Map<Object, String> cache = new ConcurrentHashMap<>();

    public StatementRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A SELECT; {@link SqlStatement#readOnly()} unless it locks rows. */
    public SqlStatement select(SelectStatement<?> select) {
        SqlStatement sql = render(w -> selectBody(w, select, false), select.readOnly());
        return sql.readOnly() && readsByKey(select)
                ? new SqlStatement(sql.sql(), sql.binds(), true, true) : sql;
    }

    /** Whether {@code select} reads at most one row of one table, by {@code id = ?}. */
    private static boolean readsByKey(SelectStatement<?> select) {
        if (!select.joins().isEmpty() || !select.groupBy().isEmpty() || select.where().size() != 1) {
            return false;
        }
        return select.where().getFirst() instanceof Comparison c && c.operator() == Comparison.Operator.EQ
                && c.right() instanceof Param<?> && c.left() instanceof dev.osprey.query.Column<?, ?> column
                && column.model() == select.table() && column.attribute() == column.model().id();
    }

    /** {@code SELECT COUNT(*) FROM (select) AS …}: how many rows {@code select} returns. */
    public SqlStatement count(SelectStatement<?> select) {
        return render(w -> {
            w.append("SELECT COUNT(*) FROM (");
            selectBody(w, select, true);
            w.append(") ").quoted("counted");
        }, true);
    }

    /** An UPDATE; refused without a where clause unless {@code all()} was asked for, and without assignments. */
    public SqlStatement update(UpdateStatement<?> update) {
        EntityModel<?> model = update.model();
        if (update.assignments().isEmpty()) {
            throw new IllegalArgumentException("the update of " + model.type().getSimpleName() + " sets nothing: add set(...)");
        }
        guardEveryRow(update.where().isEmpty(), update.allRows(), "update", model);
        return render(w -> {
            w.enter(new SqlWriter.Scope(List.of(model), false));
            w.append("UPDATE ").quoted(model.table()).append(" SET ");
            w.list(update.assignments(), a -> assignment(w, a));
            where(w, update.where());
            w.exit();
        }, false);
    }

    /** A DELETE; refused without a where clause unless {@code all()} was asked for. */
    public SqlStatement delete(DeleteStatement<?> delete) {
        EntityModel<?> model = delete.model();
        guardEveryRow(delete.where().isEmpty(), delete.allRows(), "delete", model);
        return render(w -> {
            w.enter(new SqlWriter.Scope(List.of(model), false));
            w.append("DELETE FROM ").quoted(model.table());
            where(w, delete.where());
            w.exit();
        }, false);
    }

    private static void guardEveryRow(boolean noWhere, boolean all, String verb, EntityModel<?> model) {
        if (noWhere && !all) {
            throw new IllegalArgumentException("this " + verb + " of " + model.type().getSimpleName()
                    + " has no where clause and would change every row of " + model.table()
                    + "; add where(...), or call all() if every row is meant");
        }
        if (!noWhere && all) {
            throw new IllegalArgumentException("this " + verb + " of " + model.type().getSimpleName()
                    + " has both a where clause and all(); use one");
        }
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (?, …), … } for {@code rows} rows, then the upsert
     * clause of {@code conflict} (may be null), then {@code RETURNING returning} (may be empty;
     * only on a dialect that {@link Dialect#supportsReturning() supports it}). The binds of the
     * result are only the upsert clause's own values: the caller binds the rows' values (row by
     * row, in {@code columns} order) first and these after them. With no columns it inserts one
     * row of defaults and {@code rows} must be 1.
     */
    public SqlStatement insert(EntityModel<?> model, List<? extends Attribute<?, ?>> columns, int rows,
                               InsertStatement.ConflictClause<?> conflict, List<? extends Attribute<?, ?>> returning) {
        if (rows < 1 || (columns.isEmpty() && rows != 1)) {
            throw new IllegalArgumentException("cannot insert " + rows + " rows of " + columns.size() + " columns in one statement");
        }
        if (!returning.isEmpty() && !dialect.supportsReturning()) {
            throw new IllegalArgumentException(dialect.name() + " has no INSERT ... RETURNING");
        }
        if ((long) rows * columns.size() > dialect.maxBindParameters()) {
            throw new IllegalArgumentException(rows + " rows of " + columns.size() + " columns are more values than "
                    + dialect.name() + " accepts in one statement (" + dialect.maxBindParameters() + ")");
        }
        var shape = new InsertShape(model, List.copyOf(columns), rows, conflict, List.copyOf(returning));
        if (conflict == null) {   // no binds of its own: the shape record is the key, no walk needed
            return new SqlStatement(text(shape, w -> insertBody(w, shape)), List.of(), false);
        }
        return render(w -> insertBody(w, shape), false);
    }

    /**
     * The key of an insert's cached text. Its lists are mostly the model's own (the same instances
     * call after call), so equality tries identity before the elements, and the hash takes only their
     * sizes: a record's generated methods walk both lists on every lookup.
     */
    private record InsertShape(EntityModel<?> model, List<Attribute<?, ?>> columns, int rows,
                               InsertStatement.ConflictClause<?> conflict, List<Attribute<?, ?>> returning) {
        @Override
        public boolean equals(Object other) {
            return other instanceof InsertShape that && model == that.model && rows == that.rows
                    && (columns == that.columns || columns.equals(that.columns))
                    && (returning == that.returning || returning.equals(that.returning))
                    && Objects.equals(conflict, that.conflict);
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(model) * 31 + columns.size()) * 31 + rows) * 31 + returning.size()
                    + Objects.hashCode(conflict);
        }
    }

    /**
     * {@code COPY table (columns) FROM STDIN}: a bulk load of rows of {@code columns}, whose values go
     * through the dialect's {@link Dialect#bulkLoad} (only where the {@link Dialect#bulkInsertStyle()} is
     * {@link Dialect.BulkInsertStyle#COPY}).
     */
    public String copy(EntityModel<?> model, List<? extends Attribute<?, ?>> columns) {
        if (dialect.bulkInsertStyle() != Dialect.BulkInsertStyle.COPY || columns.isEmpty()) {
            throw new IllegalArgumentException("no COPY of " + columns.size() + " columns on " + dialect.name());
        }
        return text(new CopyShape(model, List.copyOf(columns)), w -> {
            w.append("COPY ").quoted(model.table()).append(" (");
            w.list(columns, a -> w.quoted(a.column()));
            w.append(") FROM STDIN");
        });
    }

    private record CopyShape(EntityModel<?> model, List<Attribute<?, ?>> columns) {
    }

    private void insertBody(SqlWriter w, InsertShape shape) {
        EntityModel<?> model = shape.model();
        w.enter(new SqlWriter.Scope(List.of(model), true));
        if (shape.columns().isEmpty()) {
            w.append(dialect.insertDefaultValues(dialect.quote(model.table())));
        } else {
            w.append("INSERT INTO ").quoted(model.table()).append(" (");
            w.list(shape.columns(), a -> w.quoted(a.column()));
            w.append(") VALUES ");
            w.placeholderRows(shape.columns().size(), shape.rows());
        }
        if (shape.conflict() != null) {
            conflict(w, model, shape.conflict());
        }
        if (!shape.returning().isEmpty()) {
            w.append(" RETURNING ");
            w.list(shape.returning(), a -> w.quoted(a.column()));
        }
        w.exit();
    }

    private void conflict(SqlWriter w, EntityModel<?> model, InsertStatement.ConflictClause<?> conflict) {
        if (dialect.upsertStyle() == Dialect.UpsertStyle.ON_DUPLICATE_KEY) {
            w.append(" ON DUPLICATE KEY UPDATE ");
            if (conflict.doNothing()) {
                String id = dialect.quote(model.id().column());   // a no-op update: the row is kept as it is
                w.append(id).append(" = ").append(id);
            } else {
                w.list(conflict.assignments(), a -> assignment(w, a));
            }
            return;
        }
        if (conflict.target().isEmpty() && !conflict.doNothing()) {
            throw new IllegalArgumentException(dialect.name() + " needs the conflicting columns for an upsert that updates: "
                    + "onConflict(User_.EMAIL).doUpdate(...)");
        }
        w.append(" ON CONFLICT");
        if (!conflict.target().isEmpty()) {
            w.append(" (");
            w.list(conflict.target(), c -> w.quoted(c.name()));
            w.append(")");
        }
        if (conflict.doNothing()) {
            w.append(" DO NOTHING");
        } else {
            w.append(" DO UPDATE SET ");
            w.list(conflict.assignments(), a -> assignment(w, a));
        }
    }

    private static void assignment(SqlWriter w, Assignment<?> a) {
        w.quoted(a.column().name()).append(" = ");
        w.expression(a.value());
    }

    // ---------------------------------------------------------------- select

    /** The text of {@code select}; for a count, the select list is reduced to what the count needs. */
    static void selectBody(SqlWriter w, SelectStatement<?> select, boolean forCount) {
        Dialect dialect = w.dialect();
        EntityModel<?> table = select.table();
        if (select.joins().isEmpty()) {
            w.enter(new SqlWriter.Scope(List.of(table), false));
        } else {
            List<EntityModel<?>> tables = new ArrayList<>();
            tables.add(table);
            for (SelectStatement.JoinClause join : select.joins()) {
                if (tables.contains(join.model())) {
                    throw new IllegalArgumentException("the select reads " + join.model().table()
                            + " twice; joining a table to itself needs aliases, which Osprey does not have yet");
                }
                tables.add(join.model());
            }
            w.enter(new SqlWriter.Scope(List.copyOf(tables), true));
        }
        boolean keepColumns = !forCount || select.distinctRows() || !select.groupBy().isEmpty();
        w.append(select.distinctRows() && keepColumns ? "SELECT DISTINCT " : "SELECT ");
        if (keepColumns) {
            projection(w, select.projection(), forCount);
        } else {
            w.append("1");
        }
        w.append(" FROM ").quoted(table.table());
        for (SelectStatement.JoinClause join : select.joins()) {
            w.append(join.left() ? " LEFT JOIN " : " JOIN ").quoted(join.model().table()).append(" ON ");
            w.conditions(List.of(join.on()));
        }
        where(w, select.where());
        if (!select.groupBy().isEmpty()) {
            w.append(" GROUP BY ");
            w.list(select.groupBy(), w::expression);
        }
        if (!select.having().isEmpty()) {
            w.append(" HAVING ");
            w.conditions(select.having());
        }
        boolean paged = select.limit() != null || select.offset() != null;
        if (!select.orderBy().isEmpty() && (!forCount || paged)) {
            w.append(" ORDER BY ");
            w.list(select.orderBy(), o -> order(w, o));
        }
        if (select.limit() != null) {
            w.append(" LIMIT ");
            w.bind(select.limit().value());
        } else if (select.offset() != null && dialect.limitForOffsetOnly() != null) {
            w.append(" LIMIT ").append(dialect.limitForOffsetOnly());
        }
        if (select.offset() != null) {
            w.append(" OFFSET ");
            w.bind(select.offset().value());
        }
        if (select.lockRows() && !forCount && dialect.supportsForUpdate()) {
            w.append(" FOR UPDATE");
        }
        w.exit();
    }

    private static void projection(SqlWriter w, Projection<?> projection, boolean aliased) {
        List<Expression<?>> expressions = switch (projection) {
            case Projection.EntityRow<?> entity -> {
                w.entityColumns(entity.model());
                yield List.of();
            }
            case Projection.SingleValue<?> single -> List.of(single.expression());
            case Projection.TupleRow tuple -> tuple.expressions();
            case Projection.RecordRow<?> record -> record.expressions();
        };
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                w.append(", ");
            }
            w.expression(expressions.get(i));
            if (aliased) {
                w.append(" AS ").quoted("c" + (i + 1));   // a derived table needs distinct column names
            }
        }
    }

    private static void order(SqlWriter w, Order order) {
        Dialect dialect = w.dialect();
        if (order.nulls() != Order.Nulls.DEFAULT && !dialect.supportsNullsOrdering()) {
            w.operand(order.expression());
            // (x IS NULL) is 1 for NULLs: descending puts them first
            w.append(order.nulls() == Order.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL, ");
        }
        w.operand(order.expression());
        w.append(order.descending() ? " DESC" : " ASC");
        if (order.nulls() != Order.Nulls.DEFAULT && dialect.supportsNullsOrdering()) {
            w.append(order.nulls() == Order.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    private static void where(SqlWriter w, List<dev.osprey.query.Predicate> where) {
        if (!where.isEmpty()) {
            w.append(" WHERE ");
            w.conditions(where);
        }
    }

    // ---------------------------------------------------------------- cache

    /**
     * The statement {@code body} writes: one walk records its shape and collects its binds; only a shape
     * not seen before is walked again to write its text.
     */
    private SqlStatement render(Consumer<SqlWriter> body, boolean readOnly) {
        SqlWriter shape = SqlWriter.shape(dialect);
        body.accept(shape);
        ShapeKey key = shape.shape();
        String sql = cache.get(key);
        if (sql == null) {
            SqlWriter text = SqlWriter.text(dialect);
            body.accept(text);
            sql = remember(key.compact(), text.sql());
        }
        return new SqlStatement(sql, java.util.Collections.unmodifiableList(shape.binds()), readOnly);
    }

    /** The text of a statement without binds of its own, cached under {@code key}, a record of what the text depends on. */
    private String text(Object key, Consumer<SqlWriter> body) {
        String sql = cache.get(key);
        if (sql == null) {
            SqlWriter text = SqlWriter.text(dialect);
            body.accept(text);
            if (!text.binds().isEmpty()) {
                throw new IllegalStateException("a statement keyed by its record has binds: " + text.sql());
            }
            sql = remember(key, text.sql());
        }
        return sql;
    }

    private String remember(Object key, String sql) {
        if (cache.size() < CACHE_LIMIT) {
            String earlier = cache.putIfAbsent(key, sql);
            return earlier != null ? earlier : sql;
        }
        return sql;
    }

    /** How many statement shapes have cached text (for tests). */
    int cachedShapes() {
        return cache.size();
    }
}
