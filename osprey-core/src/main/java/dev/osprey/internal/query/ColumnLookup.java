package dev.osprey.internal.query;

import dev.osprey.internal.driver.ValueConverter;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Column;

import java.util.ArrayList;
import java.util.List;

/** Finds an entity's columns by the names users write in maps: field names or column names. */
public final class ColumnLookup {
    private ColumnLookup() {
    }

    /**
     * The column of {@code model} whose field or column name is {@code key}.
     *
     * @throws IllegalArgumentException naming the key and the entity if there is none
     */
    public static <E> Column<E, ?> column(EntityModel<E> model, String key) {
        if (key == null) {
            throw new IllegalArgumentException(model.type().getSimpleName() + " has no column named null");
        }
        for (Attribute<E, ?> attribute : model.attributes()) {
            if (attribute.property().equals(key) || attribute.column().equals(key)) {
                return Column.of(model, attribute);
            }
        }
        List<String> names = new ArrayList<>();
        for (Attribute<E, ?> attribute : model.attributes()) {
            names.add(attribute.property());
        }
        throw new IllegalArgumentException(model.type().getSimpleName() + " has no field or column '" + key
                + "'; its fields are " + names);
    }

    /**
     * {@code value} as a value of {@code column}'s Java type (a map from JSON may hold an Integer for
     * a Long field, or a String for an Instant).
     *
     * @throws IllegalArgumentException naming the column if it cannot be converted
     */
    public static <T> T value(Column<?, T> column, Object value) {
        try {
            return ValueConverter.convert(value, column.javaType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("value for " + column + ": " + e.getMessage(), e);
        }
    }
}
