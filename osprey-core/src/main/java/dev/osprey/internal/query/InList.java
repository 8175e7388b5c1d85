package dev.osprey.internal.query;

import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

import java.util.List;

/** {@code expression [NOT] IN (?, ?, …)}; an empty list is false (true when negated). */
public record InList(Expression<?> expression, List<Param<?>> values, boolean negated) implements Predicate {
    public InList {
        values = List.copyOf(values);
    }
}
