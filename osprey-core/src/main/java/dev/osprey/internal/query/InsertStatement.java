package dev.osprey.internal.query;

import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Assignment;
import dev.osprey.query.Column;
import dev.osprey.query.Insert;
import dev.osprey.query.Query;
import dev.osprey.query.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tree of an INSERT: the rows to insert, in order, each an entity or a map whose keys have been
 * checked against the entity (and are stored here as a {@link MapRow}), and an optional upsert clause.
 *
 * @param rows     entities ({@code E}) and {@link MapRow}s of already converted values
 * @param conflict the upsert clause, or {@code null}
 */
public record InsertStatement<E>(EntityModel<E> model, List<Object> rows, ConflictClause<E> conflict)
        implements Insert<E> {

    /** {@code ON CONFLICT (target) DO NOTHING} when {@code assignments} is empty, else {@code DO UPDATE SET …}. */
    public record ConflictClause<E>(List<Column<E, ?>> target, List<Assignment<E>> assignments) {
        public boolean doNothing() {
            return assignments.isEmpty();
        }
    }

    public static <E> InsertStatement<E> of(EntityModel<E> model) {
        return new InsertStatement<>(model, List.of(), null);
    }

    @Override
    public Insert<E> values(E entity) {
        return withRows(List.of(checkEntity(entity, 0)));
    }

    @Override
    public Insert<E> values(Map<String, ?> row) {
        return withRows(List.of(new MapRowReader<>(model).read(row)));
    }

    @Override
    public Insert<E> values(Iterable<?> rows) {
        Objects.requireNonNull(rows, "rows");
        List<Object> checked = new ArrayList<>();
        MapRowReader<E> maps = new MapRowReader<>(model);
        int index = 0;
        for (Object row : rows) {
            if (row instanceof Map<?, ?> map) {
                checked.add(maps.read(map));
            } else {
                checked.add(checkEntity(row, index));
            }
            index++;
        }
        return withRows(checked);
    }

    private Insert<E> withRows(List<Object> more) {
        List<Object> all = new ArrayList<>(rows.size() + more.size());
        all.addAll(rows);
        all.addAll(more);
        return new InsertStatement<>(model, all, conflict);
    }

    private E checkEntity(Object row, int index) {
        if (row == null) {
            throw new IllegalArgumentException("row " + index + " is null");
        }
        if (!model.type().isInstance(row)) {
            throw new IllegalArgumentException("row " + index + " is a " + row.getClass().getName() + ", neither a "
                    + model.type().getSimpleName() + " nor a Map");
        }
        return model.type().cast(row);
    }

    @Override
    @SafeVarargs
    public final OnConflict<E> onConflict(Column<E, ?>... target) {
        List<Column<E, ?>> columns = List.of(target);
        return new OnConflict<>() {
            @Override
            public Insert<E> doNothing() {
                return new InsertStatement<>(model, rows, new ConflictClause<>(columns, List.of()));
            }

            @Override
            @SafeVarargs
            public final Insert<E> doUpdate(Column<E, ?>... update) {
                if (update.length == 0) {
                    throw new IllegalArgumentException("doUpdate needs at least one column");
                }
                List<Assignment<E>> assignments = new ArrayList<>();
                for (Column<E, ?> column : update) {
                    assignments.add(new Assignment<>(column, new Excluded<>(column)));
                }
                return new InsertStatement<>(model, rows, new ConflictClause<>(columns, List.copyOf(assignments)));
            }

            @Override
            @SafeVarargs
            public final Insert<E> doUpdate(Assignment<E> first, Assignment<E>... more) {
                List<Assignment<E>> assignments = new ArrayList<>();
                assignments.add(Objects.requireNonNull(first, "assignment"));
                assignments.addAll(Arrays.asList(more));
                return new InsertStatement<>(model, rows, new ConflictClause<>(columns, List.copyOf(assignments)));
            }
        };
    }

    @Override
    public <T> Query<T> returning(Column<E, T> column) {
        return new ReturningStatement<>(this, Projection.single(column));
    }

    @Override
    @SafeVarargs
    public final Query<Tuple> returning(Column<E, ?> first, Column<E, ?>... more) {
        List<dev.osprey.query.Expression<?>> columns = new ArrayList<>();
        columns.add(first);
        columns.addAll(Arrays.asList(more));
        return new ReturningStatement<>(this, Projection.tuple(columns));
    }

    @Override
    public String toString() {
        return "Insert[" + model.type().getSimpleName() + ", " + rows.size() + " row(s)]";
    }
}
