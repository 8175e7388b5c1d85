package dev.osprey.internal.query;

import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

/** {@code expression IS [NOT] NULL}. */
public record NullCheck(Expression<?> expression, boolean negated) implements Predicate {
}
