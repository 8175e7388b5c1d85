package dev.osprey.query;

import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;

import java.util.Objects;

/**
 * A typed column of an entity, as the generated metamodel exposes it: {@code User_.NAME} is a
 * {@code Column<User, String>}. As an {@link Expression} it builds predicates, orderings and
 * expressions; values compared with it are bound the way the column stores them (enums by name
 * or ordinal, converters applied). Two columns are equal when they are the same attribute of
 * the same entity. Immutable and thread-safe.
 *
 * @param <E> the entity the column belongs to
 * @param <T> the Java type of its values
 */
public final class Column<E, T> implements Expression<T> {
    private final EntityModel<E> model;
    private final Attribute<E, T> attribute;

    private Column(EntityModel<E> model, Attribute<E, T> attribute) {
        this.model = Objects.requireNonNull(model, "model");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        if (!model.attributes().contains(attribute)) {
            throw new IllegalArgumentException(attribute + " is not an attribute of " + model);
        }
    }

    /** The column of {@code attribute} in {@code model}; used by generated code. */
    public static <E, T> Column<E, T> of(EntityModel<E> model, Attribute<E, T> attribute) {
        return new Column<>(model, attribute);
    }

    /** The column's name in the database. */
    public String name() {
        return attribute.column();
    }

    @Override
    public Class<T> javaType() {
        return attribute.javaType();
    }

    @Override
    public Object bindValue(T value) {
        if (value != null && !attribute.javaType().isInstance(value)) {
            throw new IllegalArgumentException(this + " holds " + attribute.javaType().getName() + ", not "
                    + value.getClass().getName());
        }
        return attribute.toDatabase(value);
    }

    @Override
    public T readValue(Object raw) {
        return attribute.fromDatabase(raw);
    }

    /** The entity's metamodel. */
    public EntityModel<E> model() {
        return model;
    }

    /** The mapping behind this column: storage type, constraints, accessors. */
    public Attribute<E, T> attribute() {
        return attribute;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column<?, ?> other && other.attribute == attribute && other.model == model;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(attribute);
    }

    @Override
    public String toString() {
        return model.type().getSimpleName() + "." + attribute.property();
    }
}
