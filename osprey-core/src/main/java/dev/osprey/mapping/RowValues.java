package dev.osprey.mapping;

import dev.osprey.internal.driver.ResultColumns;

import java.sql.SQLException;
import java.util.Objects;

/**
 * The values of the current row of a result, read column by column into the fields of an entity by
 * the row reader the annotation processor writes into {@code X_} ({@link EntityModel.Reader}). Each
 * value is converted as {@link Attribute#fromDatabase} does; whole numbers for primitive fields are
 * read without boxing. NULL in a primitive field and a number out of its field's range are errors.
 * Made by Osprey once per result, for generated code; not thread-safe.
 */
public final class RowValues {
    private final ResultColumns columns;

    private RowValues(ResultColumns columns) {
        this.columns = columns;
    }

    /** The row values over {@code columns}; for Osprey's query layer. */
    public static RowValues of(ResultColumns columns) {
        return new RowValues(Objects.requireNonNull(columns, "columns"));
    }

    /** How many columns a row has. */
    public int count() {
        return columns.count();
    }

    /** Column {@code index} (0-based) as {@code attribute}'s field value. */
    public <T> T get(int index, Attribute<?, T> attribute) throws SQLException {
        T value = attribute.fromDatabase(columns.get(index));
        attribute.checkNotNullForPrimitive(value);
        return value;
    }

    /** Column {@code index} for {@code attribute}'s primitive {@code long} field. */
    public long getLong(int index, Attribute<?, ?> attribute) throws SQLException {
        long value;
        try {
            value = columns.getLong(index);
        } catch (IllegalArgumentException e) {   // not an integer column, and a value that is no whole number
            throw new IllegalArgumentException("column '" + attribute.column() + "' (" + attribute.property() + ") "
                    + e.getMessage(), e);
        }
        if (value == 0 && columns.wasNull()) {
            attribute.checkNotNullForPrimitive(null);
        }
        return value;
    }

    /** Column {@code index} for {@code attribute}'s primitive {@code int} field. */
    public int getInt(int index, Attribute<?, ?> attribute) throws SQLException {
        long value = getLong(index, attribute);
        if ((int) value != value) {
            throw outOfRange(attribute, value, "int");
        }
        return (int) value;
    }

    /** Column {@code index} for {@code attribute}'s primitive {@code short} field. */
    public short getShort(int index, Attribute<?, ?> attribute) throws SQLException {
        long value = getLong(index, attribute);
        if ((short) value != value) {
            throw outOfRange(attribute, value, "short");
        }
        return (short) value;
    }

    /** Column {@code index} for {@code attribute}'s primitive {@code byte} field. */
    public byte getByte(int index, Attribute<?, ?> attribute) throws SQLException {
        long value = getLong(index, attribute);
        if ((byte) value != value) {
            throw outOfRange(attribute, value, "byte");
        }
        return (byte) value;
    }

    private static IllegalArgumentException outOfRange(Attribute<?, ?> attribute, long value, String type) {
        return new IllegalArgumentException("column '" + attribute.column() + "' (" + attribute.property() + ") holds "
                + value + ", out of range for " + type);
    }
}
