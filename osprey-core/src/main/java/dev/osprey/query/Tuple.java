package dev.osprey.query;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of a select of several expressions ({@code select(User_.ID, User_.NAME)}): the values in
 * select order, already converted to each expression's Java type. Read them by position or, typed,
 * by the expression: {@code row.get(User_.NAME)}. Immutable and thread-safe (if its values are).
 */
public final class Tuple {
    private final List<? extends Expression<?>> expressions;
    private final Object[] values;

    private Tuple(List<? extends Expression<?>> expressions, Object[] values) {
        this.expressions = expressions;
        this.values = values;
    }

    /** A tuple of {@code values} for {@code expressions} (same length, same order). */
    public static Tuple of(List<? extends Expression<?>> expressions, Object... values) {
        if (expressions.size() != values.length) {
            throw new IllegalArgumentException(expressions.size() + " expressions but " + values.length + " values");
        }
        return new Tuple(expressions, values);
    }

    public int size() {
        return values.length;
    }

    /** The value at {@code index}, counted from 0. */
    public Object get(int index) {
        Objects.checkIndex(index, values.length);
        return values[index];
    }

    /** The value at {@code index} as a {@code type}. */
    public <T> T get(int index, Class<T> type) {
        Object value = get(index);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("value " + index + " is a " + value.getClass().getName() + ", not a "
                    + type.getName());
        }
        return type.cast(value);
    }

    /**
     * The value of {@code expression}, which must be one of the selected expressions.
     *
     * @throws IllegalArgumentException if it was not selected
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
        for (int i = 0; i < values.length; i++) {
            if (expressions.get(i).equals(expression)) {
                return (T) values[i];
            }
        }
        throw new IllegalArgumentException(expression + " is not one of the selected expressions " + expressions);
    }

    /** The values in select order. */
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple other && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
