package dev.osprey.internal.query;

import dev.osprey.query.Expression;

/**
 * A bound value in a statement tree: {@code ?} in the SQL, {@link #value()} in the binds. Params
 * of the same value type are equal whatever their values, so two trees that differ only in their
 * values are equal. (The value type counts because a dialect may render a parameter by its type,
 * e.g. a DECIMAL compared as a number on SQLite; the renderer's cache records what it renders,
 * not the tree.)
 *
 * @param <T> the Java type of the value
 */
public final class Param<T> implements Expression<T> {
    private final Object value;
    private final Class<T> javaType;

    private Param(Object value, Class<T> javaType) {
        this.value = value;
        this.javaType = javaType;
    }

    /** {@code value} as {@code expression} stores it (its enum or converter mapping applied). */
    public static <T> Param<T> of(Expression<T> expression, T value) {
        return new Param<>(expression.bindValue(value), expression.javaType());
    }

    /** A value bound as it is. */
    @SuppressWarnings("unchecked")
    public static <T> Param<T> value(T value) {
        return new Param<>(value, (Class<T>) value.getClass());
    }

    /** A value bound as it is, when its type does not matter to the tree. */
    public static Param<Object> raw(Object value) {
        return new Param<>(value, Object.class);
    }

    /** The value bound for this parameter. */
    public Object value() {
        return value;
    }

    /** The Java type of the value, or {@code Object} when unknown. */
    public Class<?> valueType() {
        return value == null ? javaType : value.getClass();
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param<?> other && other.valueType() == valueType();
    }

    @Override
    public int hashCode() {
        return valueType().hashCode();
    }

    @Override
    public String toString() {
        return "?";
    }
}
