package dev.osprey.internal.query;

import dev.osprey.query.Predicate;

/** {@code NOT (predicate)}. */
public record Negation(Predicate predicate) implements Predicate {
}
