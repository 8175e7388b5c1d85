package dev.osprey.internal.query;

import dev.osprey.mapping.Attribute;

import java.util.List;

/**
 * A map row of an insert, checked against the entity: the columns it names, in attribute order (one
 * list shared by the rows of an insert that have the same keys), and their values, converted to the
 * columns' Java types, in the same order. Immutable by convention: nobody changes the array.
 *
 * @param <E> the entity
 */
public record MapRow<E>(List<Attribute<E, ?>> columns, Object[] values) {
}
