package dev.osprey.internal.query;

import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

/** {@code expression BETWEEN low AND high}. */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high) implements Predicate {
}
