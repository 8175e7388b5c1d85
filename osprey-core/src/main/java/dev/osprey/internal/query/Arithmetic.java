package dev.osprey.internal.query;

import dev.osprey.query.Expression;

/** {@code left op right} on numbers; read as the left side's type. */
public record Arithmetic<T>(Expression<T> left, Operator operator, Expression<?> right) implements Expression<T> {

    public enum Operator { PLUS, MINUS, TIMES, DIV }

    public static <T> Arithmetic<T> of(Expression<T> left, Operator operator, Expression<?> right) {
        numeric(left, operator);
        if (!(right instanceof Param<?> p) || p.value() != null) {
            numeric(right, operator);
        }
        return new Arithmetic<>(left, operator, right);
    }

    private static void numeric(Expression<?> expression, Operator operator) {
        Class<?> type = expression instanceof Param<?> p ? p.valueType() : expression.javaType();
        if (!Number.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(operator.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs numbers; " + expression + " is " + type.getName());
        }
    }

    /** Whether the result is an integer type, whose division truncates. */
    public boolean isIntegral() {
        Class<?> type = left.javaType();
        return type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class;
    }

    @Override
    public Class<T> javaType() {
        return left.javaType();
    }
}
