package dev.osprey.internal.query;

import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

/** {@code expression [NOT] IN (SELECT …)}. */
public record InQuery(Expression<?> expression, SelectStatement<?> query, boolean negated) implements Predicate {
}
