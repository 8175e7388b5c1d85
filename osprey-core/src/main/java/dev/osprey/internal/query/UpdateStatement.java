package dev.osprey.internal.query;

import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Assignment;
import dev.osprey.query.Column;
import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;
import dev.osprey.query.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tree of an UPDATE. A later assignment to a column replaces an earlier one.
 *
 * @param allRows true when {@code all()} asked for every row to be updated
 */
public record UpdateStatement<E>(EntityModel<E> model, List<Assignment<E>> assignments, List<Predicate> where,
                                 boolean allRows) implements Update<E> {

    public static <E> UpdateStatement<E> of(EntityModel<E> model) {
        return new UpdateStatement<>(model, List.of(), List.of(), false);
    }

    @Override
    public <T> Update<E> set(Column<E, T> column, T value) {
        return with(new Assignment<>(checked(column), Param.of(column, value)));
    }

    @Override
    public <T> Update<E> set(Column<E, T> column, Expression<T> value) {
        return with(new Assignment<>(checked(column), Objects.requireNonNull(value, "value: use setNull for NULL")));
    }

    @Override
    public Update<E> setNull(Column<E, ?> column) {
        return with(new Assignment<>(checked(column), Param.raw(null)));
    }

    @Override
    public Update<E> set(Map<String, ?> changes) {
        Objects.requireNonNull(changes, "changes");
        Update<E> update = this;
        for (Map.Entry<String, ?> entry : changes.entrySet()) {
            update = ((UpdateStatement<E>) update).setConverted(ColumnLookup.column(model, entry.getKey()),
                    entry.getValue());
        }
        return update;
    }

    private <T> UpdateStatement<E> setConverted(Column<E, T> column, Object value) {
        return with(new Assignment<>(column, value == null ? Param.raw(null)
                : Param.of(column, ColumnLookup.value(column, value))));
    }

    @Override
    public Update<E> where(Predicate... conditions) {
        return new UpdateStatement<>(model, assignments, ImmutableLists.append(where, conditions, "condition"), allRows);
    }

    @Override
    public Update<E> all() {
        return new UpdateStatement<>(model, assignments, where, true);
    }

    private UpdateStatement<E> with(Assignment<E> assignment) {
        for (Assignment<E> earlier : assignments) {
            if (earlier.column().equals(assignment.column())) {
                List<Assignment<E>> list = new ArrayList<>(assignments);
                list.remove(earlier);
                list.add(assignment);
                return new UpdateStatement<>(model, List.copyOf(list), where, allRows);
            }
        }
        return new UpdateStatement<>(model, ImmutableLists.append(assignments, assignment), where, allRows);
    }

    private <C extends Column<E, ?>> C checked(C column) {
        Objects.requireNonNull(column, "column");
        if (column.model() != model) {
            throw new IllegalArgumentException(column + " is not a column of " + model.type().getSimpleName());
        }
        return column;
    }
}
