package dev.osprey.internal.query;

import dev.osprey.query.Expression;

/** {@code COUNT(*)}, {@code COUNT(x)}, {@code COUNT(DISTINCT x)}, {@code SUM}, {@code AVG}, {@code MIN}, {@code MAX}. */
public record Aggregate<T>(Function function, Class<T> javaType, Expression<?> argument) implements Expression<T> {

    public enum Function { COUNT_ALL, COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX }

    public static Aggregate<Long> countAll() {
        return new Aggregate<>(Function.COUNT_ALL, Long.class, null);
    }

    public static <T> Aggregate<T> of(Function function, Class<T> javaType, Expression<?> argument) {
        if (argument == null) {
            throw new IllegalArgumentException(function + " needs an expression");
        }
        return new Aggregate<>(function, javaType, argument);
    }

    /** MIN or MAX: read as the argument is read. */
    public static <T> Aggregate<T> of(Function function, Expression<T> argument) {
        return of(function, argument.javaType(), argument);
    }

    public static <E extends Expression<?>> E numeric(E expression, String operation) {
        if (!Number.class.isAssignableFrom(expression.javaType())) {
            throw new IllegalArgumentException(operation + " needs a numeric expression; " + expression + " is "
                    + expression.javaType().getName());
        }
        return expression;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T readValue(Object raw) {
        if (function == Function.MIN || function == Function.MAX) {
            return (T) argument.readValue(raw);
        }
        return Expression.super.readValue(raw);
    }
}
