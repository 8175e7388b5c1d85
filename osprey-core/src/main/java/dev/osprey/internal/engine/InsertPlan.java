package dev.osprey.internal.engine;

import dev.osprey.OspreyException;
import dev.osprey.internal.driver.BatchResult;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.driver.StatementRunner;
import dev.osprey.internal.query.InsertStatement;
import dev.osprey.internal.query.InsertStatement.ConflictClause;
import dev.osprey.internal.query.MapRow;
import dev.osprey.internal.query.Projection;
import dev.osprey.internal.query.ReturningStatement;
import dev.osprey.internal.sql.Dialect;
import dev.osprey.internal.sql.StatementRenderer;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Column;
import dev.osprey.query.Expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How an insert of any number of rows runs. Consecutive rows with the same columns form a group
 * (an entity whose generated id is still unset leaves the id out; a map gives its own columns, in
 * attribute order); each group is cut into multi-row INSERTs of equal size, as many rows as the
 * database's bind-parameter limit allows (at most 1000), so that equal chunks share their SQL text
 * and prepared statement. Several statements run in one transaction; one runs on its own.
 *
 * <p>A group that needs nothing back (no ids to set, no {@code RETURNING}, no upsert clause) and has
 * more rows than one such statement holds goes the dialect's {@link Dialect#bulkInsertStyle() bulk
 * way} instead: one {@code COPY … FROM STDIN} (PostgreSQL), or one JDBC batch of one-row INSERTs that
 * the driver sends in bulk (MariaDB) or runs with one prepared statement (SQLite).
 *
 * <p>Generated ids are set on the entities that had none (not for upserts): from {@code RETURNING}
 * where the database has it, sorted ascending because ids are allocated in row order while the
 * order of returned rows is not guaranteed; elsewhere from JDBC generated keys of a batch of
 * one-row inserts.
 *
 * <p>Everything is rendered and every value read from the rows when the plan is made, in the
 * caller's thread; the work that runs it may be run on any one thread. Not thread-safe while being
 * built; the {@link Call}s it makes are immutable.
 *
 * @param <E> the entity
 */
final class InsertPlan<E> {
    private static final int MAX_ROWS_PER_STATEMENT = 1000;

    private final StatementRenderer renderer;
    private final Dialect dialect;
    private final EntityModel<E> model;
    private final ConflictClause<E> conflict;
    private final Attribute<E, ?> id;
    private final List<Attribute<E, ?>> allColumns;
    private final List<Attribute<E, ?>> withoutId;
    /** The columns of the last map row, and the list its group goes by (see {@link #mapColumns}). */
    private List<Attribute<E, ?>> lastMapColumns;
    private List<Attribute<E, ?>> lastGroupColumns;
    /** Whether inserted entities get their generated ids set. */
    private final boolean assignIds;

    private InsertPlan(StatementRenderer renderer, InsertStatement<E> insert) {
        this.renderer = renderer;
        this.dialect = renderer.dialect();
        this.model = insert.model();
        this.conflict = insert.conflict();
        this.id = model.id();
        this.allColumns = model.attributes();
        this.withoutId = model.attributesWithoutId();
        this.assignIds = id.isGenerated() && id.isWritable() && conflict == null;
        if (insert.rows().isEmpty()) {
            throw new IllegalArgumentException("insert of " + model.type().getSimpleName() + " has no rows");
        }
    }

    /** An insert that gives the rows it stored. */
    static Call<Long> mutation(StatementRenderer renderer, InsertStatement<?> insert) {
        return new InsertPlan<>(renderer, insert).mutation(insert.rows());
    }

    /** An insert that gives the returned columns of its rows. */
    static <R> Call<List<R>> returning(StatementRenderer renderer, ReturningStatement<R> statement) {
        InsertStatement<?> insert = statement.insert();
        return new InsertPlan<>(renderer, insert).returning(insert.rows(), statement.projection());
    }

    // ---------------------------------------------------------------- plans

    private Call<Long> mutation(List<Object> rows) {
        List<Step<Object>> steps = new ArrayList<>();
        for (Group group : groups(rows)) {
            boolean ids = group.hasTargets();
            if (ids && !dialect.supportsReturning()) {
                batches(group, true, steps, (Projection<Object>) null);
            } else if (!ids && bulk(group)) {
                bulkSteps(group, steps);
            } else {
                List<Attribute<E, ?>> returning = ids ? List.of(id) : List.of();
                chunks(group, returning, (sql, targets) -> ids
                        ? (runner, out) -> assign(targets, runner.query(sql, raw -> raw[0]), sql.sql(), true)
                        : (runner, out) -> runner.update(sql), steps);
            }
        }
        return new Call<>(mode(steps), runner -> {
            long stored = 0;
            for (Step<Object> step : steps) {
                stored += step.run(runner, null);
            }
            return stored;
        });
    }

    private <R> Call<List<R>> returning(List<Object> rows, Projection<R> projection) {
        List<Attribute<E, ?>> projected = projected(projection);
        List<Step<R>> steps = new ArrayList<>();
        if (!dialect.supportsReturning()) {
            if (conflict != null || projected.size() != 1 || projected.getFirst() != id || !id.isGenerated()) {
                throw new IllegalArgumentException(dialect.name() + " " + dialect.productVersion() + " has no INSERT … "
                        + "RETURNING: an insert can only return the generated id (" + model.type().getSimpleName() + "."
                        + id.property() + ") of rows without an upsert clause, through generated keys; select the "
                        + "other columns after inserting");
            }
            for (Group group : groups(rows)) {
                if (group.columns.contains(id)) {
                    throw new IllegalArgumentException("without RETURNING, " + dialect.name() + " can only return ids it "
                            + "generates; a row of this insert gives " + model.type().getSimpleName() + "."
                            + id.property() + " itself");
                }
                batches(group, true, steps, projection);
            }
        } else {
            for (Group group : groups(rows)) {
                int idIndex = group.hasTargets() ? projected.indexOf(id) : -1;
                List<Attribute<E, ?>> returning = projected;
                if (group.hasTargets() && idIndex < 0) {
                    returning = new ArrayList<>(projected);
                    returning.add(id);
                    idIndex = projected.size();
                }
                int index = idIndex;
                int width = projected.size();
                chunks(group, returning, (sql, targets) -> (runner, out) -> {
                    List<Object> ids = new ArrayList<>();
                    List<R> returned = runner.query(sql, raw -> {
                        if (index >= 0) {
                            ids.add(raw[index]);
                        }
                        return projection.map(raw.length == width ? raw : Arrays.copyOf(raw, width));
                    });
                    out.addAll(returned);
                    return index >= 0 ? assign(targets, ids, sql.sql(), true) : returned.size();
                }, steps);
            }
        }
        return new Call<>(mode(steps), runner -> {
            List<R> out = new ArrayList<>();
            for (Step<R> step : steps) {
                step.run(runner, out);
            }
            return out;
        });
    }

    /** The columns a returning projection names, checked to be this entity's. */
    private List<Attribute<E, ?>> projected(Projection<?> projection) {
        List<Expression<?>> expressions = switch (projection) {
            case Projection.SingleValue<?> single -> List.of(single.expression());
            case Projection.TupleRow tuple -> tuple.expressions();
            default -> throw new IllegalArgumentException("an insert returns columns, not " + projection);
        };
        List<Attribute<E, ?>> attributes = new ArrayList<>(expressions.size());
        for (Expression<?> expression : expressions) {
            if (!(expression instanceof Column<?, ?> column) || column.model() != model) {
                throw new IllegalArgumentException("an insert into " + model.type().getSimpleName()
                        + " can only return its own columns, not " + expression);
            }
            @SuppressWarnings("unchecked")
            Attribute<E, ?> attribute = (Attribute<E, ?>) column.attribute();
            attributes.add(attribute);
        }
        return attributes;
    }

    // ---------------------------------------------------------------- groups

    /**
     * Consecutive rows with the same columns: their bind values, row after row in one array, and the
     * entities awaiting ids (null until a row has one: maps and entities with ids need none).
     */
    private final class Group {
        final List<Attribute<E, ?>> columns;
        final int width;
        private Object[] values;
        private int rows;
        List<E> targets;

        /** @param rows how many rows to make room for */
        Group(List<Attribute<E, ?>> columns, int rows) {
            this.columns = columns;
            this.width = columns.size();
            this.values = new Object[Math.max(rows * width, 1)];
        }

        int rows() {
            return rows;
        }

        boolean hasTargets() {
            return targets != null;
        }

        /** Makes room for one more row and gives where its values go. */
        int nextRow(E target) {
            int at = rows * width;
            if (at + width > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, at + width));
            }
            if (target != null && targets == null) {
                targets = new ArrayList<>(Collections.nCopies(rows, null));
            }
            if (targets != null) {
                targets.add(target);
            }
            rows++;
            return at;
        }

        /** The values of rows {@code from} (inclusive) to {@code to} (exclusive), one after another; a view. */
        List<Object> values(int from, int to) {
            return Arrays.asList(values).subList(from * width, to * width);
        }
    }

    private List<Group> groups(List<Object> rows) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (int index = 0; index < rows.size(); index++) {
            Object row = rows.get(index);
            MapRow<E> map = null;
            E entity = null;
            List<Attribute<E, ?>> columns;
            E target = null;
            if (row instanceof MapRow<?> given) {
                @SuppressWarnings("unchecked")
                MapRow<E> checked = (MapRow<E>) given;
                map = checked;
                columns = mapColumns(map);
            } else {
                entity = model.type().cast(row);
                boolean unset = id.isGenerated() && isUnset(id.get(entity));
                columns = unset ? withoutId : allColumns;
                target = unset && assignIds ? entity : null;
            }
            if (current == null || current.columns != columns && !current.columns.equals(columns)) {
                // the rows of an insert usually share their columns: the first group makes room for all
                current = new Group(columns, groups.isEmpty() ? rows.size() : 10);
                groups.add(current);
            }
            int at = current.nextRow(target);
            Object[] values = current.values;
            if (map != null) {
                Object[] given = map.values();
                for (int i = 0; i < given.length; i++) {
                    values[at + i] = toDatabase(columns.get(i), given[i]);
                }
            } else {
                for (int i = 0; i < current.width; i++) {
                    values[at + i] = columns.get(i).databaseValueOf(entity);
                }
            }
        }
        return groups;
    }

    /** A generated id nobody has set: null, or 0 in a primitive field, which cannot be null. */
    private boolean isUnset(Object value) {
        return value == null || id.isPrimitive() && value instanceof Number n && n.longValue() == 0;
    }

    /**
     * A map row's columns, in attribute order, so that maps with the same keys in any order share
     * statements; its values come in that order. Rows with the same keys share one columns list.
     */
    private List<Attribute<E, ?>> mapColumns(MapRow<E> row) {
        List<Attribute<E, ?>> columns = row.columns();
        if (columns != lastMapColumns) {
            lastMapColumns = columns;
            lastGroupColumns = columns.equals(withoutId) ? withoutId
                    : columns.equals(allColumns) ? allColumns : columns;
        }
        return lastGroupColumns;
    }

    @SuppressWarnings("unchecked")
    private static <E, T> Object toDatabase(Attribute<E, T> attribute, Object value) {
        return attribute.toDatabase((T) value);   // already converted to the column's Java type by the insert
    }

    // ---------------------------------------------------------------- steps

    /** One statement (or batch) of the plan; gives rows affected and adds returned rows to {@code out}. */
    @FunctionalInterface
    private interface Step<R> {
        long run(StatementRunner runner, List<R> out);

        /** How many statements it runs. */
        default int statements() {
            return 1;
        }
    }

    /** The step that runs one chunk's statement, setting the ids of {@code targets} (null: none wanted). */
    @FunctionalInterface
    private interface StepFactory<E, R> {
        Step<R> step(SqlStatement sql, List<E> targets);
    }

    /** Cuts {@code group} into multi-row statements returning {@code returning}, one step each. */
    private <R> void chunks(Group group, List<Attribute<E, ?>> returning, StepFactory<E, R> factory,
                            List<Step<R>> steps) {
        int perStatement = rowsPerStatement(group.columns, returning);
        SqlStatement full = null;   // chunks are all this long, but the last
        for (int from = 0; from < group.rows(); from += perStatement) {
            int to = Math.min(group.rows(), from + perStatement);
            SqlStatement shape;
            if (to - from == perStatement) {
                shape = full != null ? full : (full = renderer.insert(model, group.columns, perStatement, conflict,
                        returning));
            } else {
                shape = renderer.insert(model, group.columns, to - from, conflict, returning);
            }
            List<Object> rowValues = group.values(from, to);
            List<Object> binds;
            if (shape.binds().isEmpty()) {
                binds = Collections.unmodifiableList(rowValues);   // a view: the group is not changed after
            } else {
                binds = new ArrayList<>(rowValues.size() + shape.binds().size());
                binds.addAll(rowValues);
                binds.addAll(shape.binds());
            }
            SqlStatement sql = new SqlStatement(shape.sql(), binds, shape.readOnly());
            steps.add(factory.step(sql, group.hasTargets() ? group.targets.subList(from, to) : null));
        }
    }

    /**
     * Whether {@code group}, whose rows need nothing back, goes the dialect's bulk way: where it has
     * one, for more rows than one multi-row statement holds (fewer go faster as that one statement).
     */
    private boolean bulk(Group group) {
        return conflict == null && !group.columns.isEmpty()
                && dialect.bulkInsertStyle() != Dialect.BulkInsertStyle.MULTI_ROW
                && group.rows() > rowsPerStatement(group.columns, List.of());
    }

    /** {@code group} as one COPY or one batch of one-row inserts, as the dialect sends bulk inserts best. */
    private <R> void bulkSteps(Group group, List<Step<R>> steps) {
        switch (dialect.bulkInsertStyle()) {
            case COPY -> {
                String sql = renderer.copy(model, group.columns);
                List<Object> values = group.values(0, group.rows());
                int width = group.width;
                steps.add((runner, out) -> runner.copy(sql, values, width));
            }
            case BATCH -> batches(group, false, steps, null);
            case MULTI_ROW -> throw new IllegalStateException("multi-row inserts are no bulk way");
        }
    }

    /**
     * Cuts {@code group} into batches of one-row inserts. With {@code keys}, the generated keys are
     * read (ids where there is no RETURNING), a thousand rows a batch; with a {@code projection} they
     * are also the returned rows. Without, the whole group is one batch.
     */
    private <R> void batches(Group group, boolean keys, List<Step<R>> steps, Projection<R> projection) {
        // one-row statements: the bind limit does not apply
        int perBatch = keys ? MAX_ROWS_PER_STATEMENT : group.rows();
        SqlStatement shape = renderer.insert(model, group.columns, 1, conflict, List.of());
        if (!shape.binds().isEmpty()) {
            throw new IllegalStateException("a batched insert binds row values only: " + shape.sql());
        }
        for (int from = 0; from < group.rows(); from += perBatch) {
            int to = Math.min(group.rows(), from + perBatch);
            List<E> targets = group.hasTargets() ? group.targets.subList(from, to) : null;
            steps.add(new Batch<>(shape.sql(), group.values(from, to), to - from, keys ? id.column() : null, targets,
                    projection));
        }
    }

    /** A batch of one-row inserts that reads the generated keys of {@code keyColumn} unless it is null. */
    private final class Batch<R> implements Step<R> {
        private final String sql;
        private final List<Object> values;
        private final int rows;
        private final String keyColumn;
        private final List<E> targets;
        private final Projection<R> projection;

        Batch(String sql, List<Object> values, int rows, String keyColumn, List<E> targets, Projection<R> projection) {
            this.sql = sql;
            this.values = values;
            this.rows = rows;
            this.keyColumn = keyColumn;
            this.targets = targets;
            this.projection = projection;
        }

        @Override
        public long run(StatementRunner runner, List<R> out) {
            BatchResult result = runner.batch(sql, values, rows, keyColumn);
            if (projection != null) {
                for (Object key : result.keys()) {
                    out.add(projection.map(new Object[] {key}));
                }
            }
            if (targets != null) {
                assign(targets, result.keys(), sql, false);
            }
            return result.rows();
        }

        @Override
        public int statements() {
            return rows;
        }
    }

    private int rowsPerStatement(List<Attribute<E, ?>> columns, List<Attribute<E, ?>> returning) {
        if (columns.isEmpty()) {
            return 1;   // a row of defaults only: one per statement
        }
        int own = conflict == null ? 0 : renderer.insert(model, columns, 1, conflict, returning).binds().size();
        return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, (dialect.maxBindParameters() - own) / columns.size()));
    }

    /** More than one statement must be stored together. */
    private static Driver.Mode mode(List<? extends Step<?>> steps) {
        int statements = 0;
        for (Step<?> step : steps) {
            statements += step.statements();
        }
        return statements > 1 ? Driver.Mode.TRANSACTION : Driver.Mode.AUTOCOMMIT;
    }

    // ---------------------------------------------------------------- ids

    /**
     * Sets the generated {@code ids} (raw, one per row of the statement) on the rows' entities; rows
     * without an entity (maps, ids given) only take their place. Gives the number of rows.
     */
    private long assign(List<E> targets, List<Object> raw, String sql, boolean sort) {
        if (raw.size() != targets.size()) {
            throw new OspreyException("the database gave " + raw.size() + " generated id(s) for the " + targets.size()
                    + " row(s) of an insert into " + model.table() + "; no id was set", null, sql, null);
        }
        List<Object> ids = new ArrayList<>(raw.size());
        for (Object value : raw) {
            ids.add(id.fromDatabase(value));
        }
        if (sort) {
            ids.sort(InsertPlan::compareIds);
        }
        for (int i = 0; i < targets.size(); i++) {
            E entity = targets.get(i);
            if (entity != null) {
                set(id, entity, ids.get(i));
            }
        }
        return targets.size();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareIds(Object a, Object b) {
        return ((Comparable) a).compareTo(b);   // generated ids are integers of one type
    }

    @SuppressWarnings("unchecked")
    private static <E, T> void set(Attribute<E, T> attribute, E entity, Object value) {
        attribute.set(entity, (T) value);
    }
}
