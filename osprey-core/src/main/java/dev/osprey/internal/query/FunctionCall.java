package dev.osprey.internal.query;

import dev.osprey.query.Expression;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A scalar SQL function; each dialect renders it its own way (CONCAT, NOW). */
public record FunctionCall<T>(Function function, Class<T> javaType, List<Expression<?>> arguments)
        implements Expression<T> {

    public enum Function { LOWER, UPPER, COALESCE, CONCAT, NOW }

    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    public static <T> FunctionCall<T> of(Function function, Class<T> javaType, Expression<?>... arguments) {
        return of(function, javaType, List.of(arguments));
    }

    public static <T> FunctionCall<T> of(Function function, Class<T> javaType, List<Expression<?>> arguments) {
        for (Expression<?> argument : arguments) {
            Objects.requireNonNull(argument, "an argument of " + function + " is null");
        }
        return new FunctionCall<>(function, javaType, arguments);
    }

    public static FunctionCall<Instant> now() {
        return new FunctionCall<>(Function.NOW, Instant.class, List.of());
    }

    /** {@code expression}, checked to be text, for {@code operation}. */
    public static Expression<?> text(Expression<?> expression, String operation) {
        if (expression.javaType() != String.class) {
            throw new IllegalArgumentException(operation + " needs a text expression; " + expression + " is "
                    + expression.javaType().getName());
        }
        return expression;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T readValue(Object raw) {
        if (function == Function.COALESCE) {
            return (T) arguments.getFirst().readValue(raw);   // the column's own mapping (enums, converters)
        }
        return Expression.super.readValue(raw);
    }
}
