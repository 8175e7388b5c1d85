package dev.osprey.query;

import dev.osprey.mapping.Attribute;

import java.util.Objects;

/**
 * A typed column of an entity, as the generated metamodel exposes it: {@code User_.NAME} is a
 * {@code Column<User, String>}. Statements are built from columns (predicates, ordering and
 * expressions arrive with the statement builders). Immutable and thread-safe.
 *
 * @param <E> the entity the column belongs to
 * @param <T> the Java type of its values
 */
public final class Column<E, T> {
    private final Attribute<E, T> attribute;

    private Column(Attribute<E, T> attribute) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /** The column of {@code attribute}; used by generated code. */
    public static <E, T> Column<E, T> of(Attribute<E, T> attribute) {
        return new Column<>(attribute);
    }

    /** The column's name in the database. */
    public String name() {
        return attribute.column();
    }

    public Class<T> javaType() {
        return attribute.javaType();
    }

    /** The mapping behind this column: storage type, constraints, accessors. */
    public Attribute<E, T> attribute() {
        return attribute;
    }

    @Override
    public String toString() {
        return attribute.property() + " (" + attribute.column() + ")";
    }
}
