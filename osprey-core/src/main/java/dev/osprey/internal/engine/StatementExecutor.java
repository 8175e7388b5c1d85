package dev.osprey.internal.engine;

import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.driver.ValueConverter;
import dev.osprey.internal.query.DeleteStatement;
import dev.osprey.internal.query.InsertStatement;
import dev.osprey.internal.query.ReturningStatement;
import dev.osprey.internal.query.SelectStatement;
import dev.osprey.internal.query.UpdateStatement;
import dev.osprey.internal.sql.Dialect;
import dev.osprey.internal.sql.StatementRenderer;
import dev.osprey.internal.query.Projection;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Column;
import dev.osprey.query.Mutation;
import dev.osprey.query.Sql;
import dev.osprey.query.Query;
import dev.osprey.query.Select;
import dev.osprey.query.Update;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns typed statements into {@link Call}s: renders them at once, in the caller's thread (so a
 * mistake in a statement is an {@link IllegalArgumentException} thrown there), and leaves running
 * them to whoever holds a connection: the {@link Engine} on a pooled one, a session on its own.
 * Inserts are planned by {@link InsertPlan}. Thread-safe.
 */
public final class StatementExecutor {
    private final StatementRenderer renderer;
    /** The SQL of reading one entity by its id, per entity and id type (the type may change the text). */
    private final Map<ById, SqlStatement> byIdTexts = new ConcurrentHashMap<>();
    /** The SQL of a flush's update of one row, per entity and set of changed attributes. */
    private final Map<RowUpdate, String> rowUpdateTexts = new ConcurrentHashMap<>();

    public StatementExecutor(Dialect dialect) {
        this.renderer = new StatementRenderer(dialect);
    }

    // The keys' methods are written out: the generated ones go through method handles, and these keys are
    // looked up on every get and every flushed update.

    private record ById(EntityModel<?> model, Class<?> idType) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ById other && other.model == model && other.idType == idType;
        }

        @Override
        public int hashCode() {
            return 31 * model.hashCode() + idType.hashCode();
        }
    }

    /** The key of a row update's text: the entity, the attributes it sets (in order), whether it has a version. */
    private record RowUpdate(EntityModel<?> model, List<? extends Attribute<?, ?>> changed, boolean versioned) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowUpdate other) || other.model != model || other.versioned != versioned
                    || other.changed.size() != changed.size()) {
                return false;
            }
            for (int i = 0; i < changed.size(); i++) {
                if (other.changed.get(i) != changed.get(i)) {   // attributes are equal only to themselves
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = model.hashCode() * 2 + (versioned ? 1 : 0);
            for (int i = 0; i < changed.size(); i++) {
                h = 31 * h + changed.get(i).hashCode();
            }
            return h;
        }
    }

    /**
     * {@code UPDATE … SET changed… [, version = newVersion] WHERE id = ? [AND version = oldVersion]}: the
     * statement a flush writes for one changed entity, {@code values} being the new values of {@code changed}
     * (null for NULL). Its text is rendered from the statement tree once per entity, set of changed
     * attributes and version, and kept; after that a flush binds the values as the tree would (each through
     * its attribute's {@link Attribute#toDatabase}) without building or rendering a tree.
     *
     * @param version the entity's {@code @Version} attribute, or null (then the versions are ignored)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <E> Call<Long> updateRow(EntityModel<E> model, List<Attribute<E, ?>> changed, List<?> values, Object id,
                                    Attribute<E, ?> version, Object oldVersion, Object newVersion) {
        if (changed.isEmpty() || changed.size() != values.size()) {
            throw new IllegalArgumentException("a row update needs one value per changed attribute: " + changed.size()
                    + " attributes, " + values.size() + " values");
        }
        List<Object> binds = new java.util.ArrayList<>(changed.size() + 3);
        for (int i = 0; i < changed.size(); i++) {
            Object value = values.get(i);
            binds.add(value == null ? null : ((Attribute) changed.get(i)).toDatabase(value));
        }
        if (version != null) {
            binds.add(((Attribute) version).toDatabase(newVersion));
        }
        binds.add(((Attribute) model.id()).toDatabase(id));
        if (version != null) {
            binds.add(((Attribute) version).toDatabase(oldVersion));
        }
        var key = new RowUpdate(model, changed, version != null);
        String text = rowUpdateTexts.get(key);
        if (text == null) {
            SqlStatement rendered = renderer.update((UpdateStatement<E>) rowUpdate(model, changed, values, id, version,
                    oldVersion, newVersion));
            if (rendered.binds().size() != binds.size()) {
                throw new IllegalStateException("the update of " + model.type().getSimpleName() + " binds "
                        + rendered.binds().size() + " values, not " + binds.size() + ": " + rendered.sql());
            }
            text = rendered.sql();
            rowUpdateTexts.putIfAbsent(new RowUpdate(model, List.copyOf(changed), version != null), text);
        }
        return update(new SqlStatement(text, java.util.Collections.unmodifiableList(binds), false));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E> Update<E> rowUpdate(EntityModel<E> model, List<Attribute<E, ?>> changed, List<?> values, Object id,
                                           Attribute<E, ?> version, Object oldVersion, Object newVersion) {
        Update<E> update = Sql.update(model.type());
        for (int i = 0; i < changed.size(); i++) {
            Column column = Column.of(model, changed.get(i));
            update = values.get(i) == null ? update.setNull(column) : update.set(column, values.get(i));
        }
        if (version == null) {
            return update.where(Column.of(model, (Attribute) model.id()).eq(id));
        }
        Column versionColumn = Column.of(model, version);
        return update.set(versionColumn, newVersion)
                .where(Column.of(model, (Attribute) model.id()).eq(id), versionColumn.eq(oldVersion));
    }

    /**
     * The entity of {@code model} whose id is {@code id} (as a list of none or one): {@code select(type)
     * .where(ID.eq(id))} without building and rendering that statement on every call, the text being the
     * same each time (sessions read by id on every {@code get}).
     */
    @SuppressWarnings("unchecked")
    public <E> Call<List<E>> byId(EntityModel<E> model, Object id) {
        Column<E, Object> column = idColumn(model);
        Object bound = column.bindValue(id);
        var key = new ById(model, bound == null ? Object.class : bound.getClass());
        SqlStatement text = byIdTexts.get(key);
        if (text == null) {
            text = renderer.select((SelectStatement<E>) Sql.select(model.type()).where(column.eq(id)));
            if (text.binds().size() != 1) {   // not a plain "id = ?": render it each time
                return select((SelectStatement<E>) Sql.select(model.type()).where(column.eq(id)));
            }
            byIdTexts.putIfAbsent(key, text);
        }
        var sql = new SqlStatement(text.sql(), java.util.Collections.singletonList(bound), text.readOnly(),
                text.readByKey());
        var mapper = Projection.entity(model);
        return new Call<>(mode(sql), runner -> runner.query(sql, mapper));
    }

    @SuppressWarnings("unchecked")
    private static <E> Column<E, Object> idColumn(EntityModel<E> model) {
        return Column.of(model, (Attribute<E, Object>) model.id());
    }

    /** The rows of a select, or of an insert with {@code returning}. */
    public <R> Call<List<R>> query(Query<R> query) {
        return switch (query) {
            case null -> throw new IllegalArgumentException("the query must not be null");
            case SelectStatement<R> select -> select(select);
            case ReturningStatement<R> returning -> InsertPlan.returning(renderer, returning);
            default -> throw new IllegalArgumentException("not a query built with dev.osprey.query.Sql: "
                    + query.getClass().getName());
        };
    }

    /** How many rows {@code select} gives. */
    public Call<Long> count(Select<?> select) {
        if (!(select instanceof SelectStatement<?> statement)) {
            throw new IllegalArgumentException(select == null ? "the select must not be null"
                    : "not a select built with dev.osprey.query.Sql: " + select.getClass().getName());
        }
        SqlStatement sql = renderer.count(statement);
        return new Call<>(mode(sql), runner -> {
            List<Object> values = runner.query(sql, raw -> raw[0]);
            Long count = values.isEmpty() ? null : ValueConverter.convert(values.getFirst(), Long.class);
            return count == null ? 0L : count;
        });
    }

    /** An insert, update or delete; gives the rows it inserted, changed or deleted. */
    public Call<Long> mutation(Mutation mutation) {
        return switch (mutation) {
            case null -> throw new IllegalArgumentException("the statement must not be null");
            case InsertStatement<?> insert -> InsertPlan.mutation(renderer, insert);
            case UpdateStatement<?> update -> update(renderer.update(update));
            case DeleteStatement<?> delete -> update(renderer.delete(delete));
            default -> throw new IllegalArgumentException("not a statement built with dev.osprey.query.Sql: "
                    + mutation.getClass().getName());
        };
    }

    private <R> Call<List<R>> select(SelectStatement<R> select) {
        SqlStatement sql = renderer.select(select);
        var projection = select.projection();
        return new Call<>(mode(sql), runner -> runner.query(sql, projection));
    }

    private static Call<Long> update(SqlStatement sql) {
        return new Call<>(mode(sql), runner -> runner.update(sql));
    }

    /** A statement on its own: atomic without a transaction; a read-only one may go to a reader. */
    private static Driver.Mode mode(SqlStatement sql) {
        if (!sql.readOnly()) {
            return Driver.Mode.AUTOCOMMIT;
        }
        return sql.readByKey() ? Driver.Mode.READ_BY_KEY : Driver.Mode.READ_ONLY;
    }
}
