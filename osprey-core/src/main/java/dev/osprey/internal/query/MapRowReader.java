package dev.osprey.internal.query;

import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks map rows against an entity and turns them into {@link MapRow}s. The keys are looked up once
 * for a run of rows that have the same keys (rows built alike, as from one JSON array or one loop,
 * come so): the next such row only has its values got by the last row's keys and converted. A row
 * with other keys is looked up afresh, with the same checks and errors in the same order as the
 * first. Not thread-safe: one reader per {@code values} call.
 *
 * @param <E> the entity
 */
final class MapRowReader<E> {
    private final EntityModel<E> model;
    /** The last row's keys, in its order; for each, its column and where its value goes in attribute order. */
    private Object[] keys = new Object[0];
    private Column<E, ?>[] columns;
    private int[] positions;
    private List<Attribute<E, ?>> attributes;

    MapRowReader(EntityModel<E> model) {
        this.model = model;
    }

    /**
     * {@code row} checked: its keys are field or column names of the entity, each column named once,
     * its values convertible to the columns' types.
     *
     * @throws IllegalArgumentException naming the key, the column or the entity when the row is not
     */
    MapRow<E> read(Map<?, ?> row) {
        Objects.requireNonNull(row, "row");
        if (row.isEmpty()) {
            throw new IllegalArgumentException("a row for " + model.type().getSimpleName() + " has no values");
        }
        MapRow<E> read = withLastKeys(row);
        return read != null ? read : lookUp(row);
    }

    /**
     * The row if it has the last row's keys, else null. Its values are got by those keys: iterating a
     * map's entries makes an entry object for each on most maps ({@code Map.of}'s among them).
     */
    private MapRow<E> withLastKeys(Map<?, ?> row) {
        if (row.size() != keys.length) {
            return null;
        }
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Object value = row.get(keys[i]);
            if (value == null && !row.containsKey(keys[i])) {
                return null;
            }
            values[positions[i]] = ColumnLookup.value(columns[i], value);
        }
        return new MapRow<>(attributes, values);
    }

    /** Looks the row's keys up and remembers them for the next rows. */
    @SuppressWarnings("unchecked")
    private MapRow<E> lookUp(Map<?, ?> row) {
        int size = row.size();
        Object[] names = new Object[size];
        Column<E, ?>[] found = new Column[size];
        Object[] converted = new Object[size];
        Set<Attribute<E, ?>> named = Collections.newSetFromMap(new IdentityHashMap<>());
        int i = 0;
        for (Map.Entry<?, ?> entry : row.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("row keys are field names; got " + entry.getKey());
            }
            Column<E, ?> column = ColumnLookup.column(model, key);
            if (!named.add(column.attribute())) {
                throw new IllegalArgumentException("a row for " + model.type().getSimpleName() + " gives "
                        + column + " twice");
            }
            converted[i] = ColumnLookup.value(column, entry.getValue());
            names[i] = key;
            found[i] = column;
            i++;
        }
        List<Attribute<E, ?>> ordered = new ArrayList<>(size);
        for (Attribute<E, ?> attribute : model.attributes()) {
            if (named.contains(attribute)) {
                ordered.add(attribute);
            }
        }
        int[] at = new int[size];
        Object[] values = new Object[size];
        for (int k = 0; k < size; k++) {
            at[k] = ordered.indexOf(found[k].attribute());
            values[at[k]] = converted[k];
        }
        keys = names;
        columns = found;
        positions = at;
        attributes = List.copyOf(ordered);
        return new MapRow<>(attributes, values);
    }
}
