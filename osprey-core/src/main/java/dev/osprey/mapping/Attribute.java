package dev.osprey.mapping;

import dev.osprey.annotation.OnDelete;
import dev.osprey.internal.driver.ValueConverter;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One persistent field of an entity: its column, storage type and constraints, how to read and
 * write it on an instance (lambdas written by the annotation processor, no reflection), and how its
 * value is turned into what is stored and back (enums, converters). Built by generated code through
 * {@link #builder}. Immutable and thread-safe.
 *
 * @param <E> the entity
 * @param <T> the field's (boxed) Java type
 */
public final class Attribute<E, T> {
    private final String property;
    private final String column;
    private final Class<T> javaType;
    private final ColumnType type;
    private final boolean id;
    private final boolean generated;
    private final boolean nullable;
    private final boolean unique;
    private final boolean primitive;
    private final boolean version;
    private final String defaultValue;
    private final Class<?> references;
    private final OnDelete onDelete;
    private final Function<E, T> getter;
    private final BiConsumer<E, T> setter;
    /** The conversion of an attribute stored as it is (no enum mapping, no converter). */
    @SuppressWarnings("rawtypes")
    private static final Function STORED_AS_IS = value -> value;

    private final Function<T, Object> toDatabase;
    private final Function<Object, T> fromDatabase;
    private final Class<?> readAs;

    private Attribute(Builder<E, T> b) {
        this.property = b.property;
        this.column = b.column;
        this.javaType = b.javaType;
        this.type = b.type;
        this.id = b.id;
        this.generated = b.generated;
        this.nullable = b.nullable && !b.id;
        this.unique = b.unique;
        this.primitive = b.primitive;
        this.version = b.version;
        this.defaultValue = b.defaultValue;
        this.references = b.references;
        this.onDelete = b.onDelete;
        this.getter = Objects.requireNonNull(b.getter, "getter of " + b.property);
        this.setter = b.setter;
        this.toDatabase = b.toDatabase;
        this.fromDatabase = b.fromDatabase != null ? b.fromDatabase : ValueConverter.to(b.javaType);
        this.readAs = b.fromDatabase != null ? b.readAs : b.javaType.isEnum() ? null : ValueConverter.boxed(b.javaType);
    }

    /**
     * Starts an attribute.
     *
     * @param property the Java field name
     * @param column   the column name
     * @param javaType the field's type, boxed for primitives
     * @param type     the storage type
     */
    public static <E, T> Builder<E, T> builder(String property, String column, Class<T> javaType, ColumnType type) {
        return new Builder<>(property, column, javaType, type);
    }

    public String property() { return property; }
    public String column() { return column; }
    public Class<T> javaType() { return javaType; }
    public ColumnType type() { return type; }
    public boolean isId() { return id; }
    public boolean isGenerated() { return generated; }
    public boolean isNullable() { return nullable; }
    public boolean isUnique() { return unique; }
    /** Whether the field is a primitive, which cannot hold NULL. */
    public boolean isPrimitive() { return primitive; }
    /** Whether this is the optimistic-locking {@link dev.osprey.annotation.Version} column. */
    public boolean isVersion() { return version; }
    /** The default value literal, or {@code null}. */
    public String defaultValue() { return defaultValue; }
    /** The referenced entity, or {@code null}. */
    public Class<?> references() { return references; }
    public OnDelete onDelete() { return onDelete; }

    /** The field's value on {@code entity}. */
    public T get(E entity) {
        return getter.apply(entity);
    }

    /** Sets the field on {@code entity}; records have no setters. */
    public void set(E entity, T value) {
        if (setter == null) {
            throw new UnsupportedOperationException(property + " of an immutable entity cannot be set");
        }
        checkNotNullForPrimitive(value);
        setter.accept(entity, value);
    }

    /** Fails clearly, instead of with an unboxing NullPointerException, when NULL meets a primitive field. */
    void checkNotNullForPrimitive(Object value) {
        if (value == null && primitive) {
            throw new IllegalArgumentException("column '" + column + "' is NULL, which the primitive field "
                    + property + " cannot hold");
        }
    }

    /** Whether instances can be changed through this attribute (false for records). */
    public boolean isWritable() {
        return setter != null;
    }

    /** The value as it is bound to a statement. */
    public Object toDatabase(T value) {
        // most attributes store their value as it is: no call through a megamorphic Function for them
        return value == null || toDatabase == STORED_AS_IS ? value : toDatabase.apply(value);
    }

    /**
     * The Java type the stored value is best read from the database as, so the driver can use a typed
     * getter: the field's own type, a converter's stored type, {@code Integer} for an enum by ordinal;
     * {@code null} when any representation will do (an enum by name reads a name or a number).
     */
    public Class<?> readAs() {
        return readAs;
    }

    /** The field's value for what the database returned. */
    public T fromDatabase(Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return fromDatabase.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + column + "' (" + property + ") " + e.getMessage(), e);
        }
    }

    /** The value of this attribute on {@code entity}, as it is bound to a statement. */
    public Object databaseValueOf(E entity) {
        return toDatabase(get(entity));
    }

    @Override
    public String toString() {
        return property + " -> " + column + " " + type;
    }

    /** Builds an {@link Attribute}; used by generated code. Not thread-safe. */
    public static final class Builder<E, T> {
        private final String property;
        private final String column;
        private final Class<T> javaType;
        private final ColumnType type;
        private boolean id;
        private boolean generated;
        private boolean nullable = true;
        private boolean unique;
        private boolean primitive;
        private boolean version;
        private String defaultValue;
        private Class<?> references;
        private OnDelete onDelete = OnDelete.NO_ACTION;
        private Function<E, T> getter;
        private BiConsumer<E, T> setter;
        private Function<T, Object> toDatabase = STORED_AS_IS;
        private Function<Object, T> fromDatabase;
        private Class<?> readAs;

        private Builder(String property, String column, Class<T> javaType, ColumnType type) {
            this.property = Objects.requireNonNull(property, "property");
            this.column = Objects.requireNonNull(column, "column");
            this.javaType = Objects.requireNonNull(javaType, "javaType");
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder<E, T> getter(Function<E, T> getter) { this.getter = getter; return this; }
        public Builder<E, T> setter(BiConsumer<E, T> setter) { this.setter = setter; return this; }
        public Builder<E, T> id() { this.id = true; this.nullable = false; return this; }
        public Builder<E, T> generated() { this.generated = true; return this; }
        public Builder<E, T> notNull() { this.nullable = false; return this; }
        public Builder<E, T> unique() { this.unique = true; return this; }
        /** The field is a primitive: never NULL. */
        public Builder<E, T> primitive() { this.primitive = true; this.nullable = false; return this; }
        public Builder<E, T> defaultValue(String literal) { this.defaultValue = literal; return this; }
        /** The optimistic-locking column ({@code @Version}). */
        public Builder<E, T> version() { this.version = true; this.nullable = false; return this; }

        public Builder<E, T> references(Class<?> entity, OnDelete onDelete) {
            this.references = entity;
            this.onDelete = onDelete;
            return this;
        }

        /** Stores an enum by ordinal instead of by name. */
        public Builder<E, T> enumByOrdinal() {
            T[] constants = javaType.getEnumConstants();
            if (constants == null) {
                throw new IllegalArgumentException(property + " is not an enum");
            }
            Function<Object, Integer> number = ValueConverter.to(Integer.class);
            this.toDatabase = value -> ((Enum<?>) value).ordinal();
            this.readAs = Integer.class;
            this.fromDatabase = raw -> {
                int ordinal = number.apply(raw);
                if (ordinal < 0 || ordinal >= constants.length) {
                    throw new IllegalArgumentException("holds " + ordinal + ", which is not an ordinal of "
                            + javaType.getName());
                }
                return constants[ordinal];
            };
            return this;
        }

        /** Stores the value through {@code converter} as a {@code stored} value. */
        public <D> Builder<E, T> converter(AttributeConverter<T, D> converter, Class<D> stored) {
            Function<Object, D> read = ValueConverter.to(stored);
            this.toDatabase = converter::toDatabase;
            this.readAs = ValueConverter.boxed(stored);
            this.fromDatabase = raw -> converter.fromDatabase(read.apply(raw));
            return this;
        }

        public Attribute<E, T> build() {
            return new Attribute<>(this);
        }
    }
}
