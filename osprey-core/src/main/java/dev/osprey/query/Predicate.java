package dev.osprey.query;

import dev.osprey.internal.query.Junction;
import dev.osprey.internal.query.Negation;

import java.util.List;

/**
 * A condition for {@code where}, {@code having} and joins, built from {@link Expression}s
 * ({@code User_.NAME.eq("Ada")}) and combined with {@link #and}, {@link #or} and {@link #not}
 * (or {@link Sql#and}, {@link Sql#or}, {@link Sql#not}). Immutable and thread-safe.
 */
public interface Predicate {

    default Predicate and(Predicate other) {
        return Junction.of(false, List.of(this, other));
    }

    default Predicate or(Predicate other) {
        return Junction.of(true, List.of(this, other));
    }

    default Predicate not() {
        return new Negation(this);
    }
}
