package dev.osprey.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runtime description of one entity: its table, its attributes in column order, its indexes,
 * and how to build an instance from a row and take one apart into bind values, plus the
 * snapshot/diff used for change tracking. The annotation processor writes one per entity as
 * {@code X_.MODEL}; {@link #of(Class)} finds it. Immutable and thread-safe.
 *
 * @param <E> the entity
 */
public final class EntityModel<E> {
    private static final ClassValue<EntityModel<?>> GENERATED = new ClassValue<>() {
        @Override
        protected EntityModel<?> computeValue(Class<?> type) {
            return load(type);
        }
    };

    private final Class<E> type;
    private final String table;
    private final List<Attribute<E, ?>> attributes;
    private final Attribute<E, ?> id;
    private final List<Attribute<E, ?>> withoutId;
    private final List<IndexModel> indexes;
    private final Supplier<E> factory;
    private final Function<Object[], E> recordFactory;
    private final Reader<E> reader;
    private final Map<String, Attribute<E, ?>> byProperty = new LinkedHashMap<>();

    private EntityModel(Builder<E> b) {
        this.type = b.type;
        this.table = b.table;
        this.attributes = List.copyOf(b.attributes);
        this.indexes = List.copyOf(b.indexes);
        this.factory = b.factory;
        this.recordFactory = b.recordFactory;
        this.reader = b.reader;
        if ((factory == null) == (recordFactory == null)) {
            throw new IllegalArgumentException(type.getName() + " needs exactly one of factory or recordFactory");
        }
        Attribute<E, ?> found = null;
        for (Attribute<E, ?> attribute : attributes) {
            if (byProperty.put(attribute.property(), attribute) != null) {
                throw new IllegalArgumentException(type.getName() + " has two attributes named " + attribute.property());
            }
            if (attribute.isId()) {
                if (found != null) {
                    throw new IllegalArgumentException(type.getName() + " has more than one @Id");
                }
                found = attribute;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Id");
        }
        this.id = found;
        Attribute<E, ?> theId = found;
        this.withoutId = attributes.stream().filter(a -> a != theId).collect(
                java.util.stream.Collectors.toUnmodifiableList());
    }

    /** Starts a model; used by generated code. */
    public static <E> Builder<E> builder(Class<E> type, String table) {
        return new Builder<>(type, table);
    }

    /**
     * The generated model of {@code type} (its {@code X_.MODEL}), found once per class.
     *
     * @throws IllegalArgumentException if {@code type} has no generated metamodel
     */
    @SuppressWarnings("unchecked")
    public static <E> EntityModel<E> of(Class<E> type) {
        Objects.requireNonNull(type, "type");
        return (EntityModel<E>) GENERATED.get(type);
    }

    /** The name of the class the processor generates for {@code type}: {@code pkg.Outer_Inner_} for {@code pkg.Outer.Inner}. */
    public static String metamodelClassName(Class<?> type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        String pkg = type.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + name + "_";
    }

    private static EntityModel<?> load(Class<?> type) {
        String name = metamodelClassName(type);
        try {
            Class<?> generated = Class.forName(name, true, type.getClassLoader());
            Field field = generated.getField("MODEL");
            EntityModel<?> model = (EntityModel<?>) field.get(null);
            if (model.type() != type) {
                throw new IllegalArgumentException(name + ".MODEL describes " + model.type().getName());
            }
            return model;
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(type.getName() + " has no generated metamodel " + name
                    + ": annotate it with @Table and put osprey-processor on the annotation processor path "
                    + "(on JDK 23+ also pass -proc:full, or list it in annotationProcessorPaths)", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read " + name + ".MODEL: " + e, e);
        }
    }

    public Class<E> type() { return type; }
    public String table() { return table; }
    /** The attributes in column order. */
    public List<Attribute<E, ?>> attributes() { return attributes; }
    public Attribute<E, ?> id() { return id; }
    /** The attributes but the id, in column order: what an insert writes when the database makes the id. */
    public List<Attribute<E, ?>> attributesWithoutId() { return withoutId; }

    /** The {@code @Version} attribute, or {@code null} when the entity has none. */
    public Attribute<E, ?> version() {
        for (Attribute<E, ?> attribute : attributes) {
            if (attribute.isVersion()) {
                return attribute;
            }
        }
        return null;
    }
    public List<IndexModel> indexes() { return indexes; }

    /** Whether instances are immutable (records): no setters, no change tracking. */
    public boolean isRecord() {
        return recordFactory != null;
    }

    /** The attribute of the Java field {@code property}. */
    public Attribute<E, ?> attribute(String property) {
        Attribute<E, ?> attribute = byProperty.get(property);
        if (attribute == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no persistent field '" + property
                    + "'; its fields are " + byProperty.keySet());
        }
        return attribute;
    }

    /** The entities this one references through foreign keys. */
    public List<Class<?>> references() {
        List<Class<?>> referenced = new ArrayList<>();
        for (Attribute<E, ?> attribute : attributes) {
            if (attribute.references() != null && !referenced.contains(attribute.references())) {
                referenced.add(attribute.references());
            }
        }
        return referenced;
    }

    /** Builds an instance from the database values of one row, given in {@link #attributes()} order. */
    public E fromDatabase(Object[] row) {
        if (row.length != attributes.size()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + attributes.size()
                    + " columns but the row has " + row.length);
        }
        if (recordFactory != null) {
            Object[] values = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                Attribute<E, ?> attribute = attributes.get(i);
                values[i] = attribute.fromDatabase(row[i]);
                attribute.checkNotNullForPrimitive(values[i]);
            }
            return recordFactory.apply(values);
        }
        E entity = factory.get();
        for (int i = 0; i < row.length; i++) {
            setFromDatabase(attributes.get(i), entity, row[i]);
        }
        return entity;
    }

    /**
     * Builds an instance from the current row of a result whose columns are this entity's, in
     * {@link #attributes()} order: with the generated {@link Reader} (straight-line typed reads into the
     * fields), or attribute by attribute for a model built without one.
     */
    public E read(RowValues row) throws java.sql.SQLException {
        if (reader != null) {
            return reader.read(row);
        }
        if (recordFactory != null) {
            Object[] values = new Object[attributes.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i, attributes.get(i));
            }
            return recordFactory.apply(values);
        }
        E entity = factory.get();
        for (int i = 0; i < attributes.size(); i++) {
            setFromRow(attributes.get(i), entity, row, i);
        }
        return entity;
    }

    private static <E, T> void setFromRow(Attribute<E, T> attribute, E entity, RowValues row, int index)
            throws java.sql.SQLException {
        attribute.set(entity, row.get(index, attribute));
    }

    /**
     * Builds an instance from the current row's values, each read into its field in attribute order; the
     * annotation processor writes one per entity. Stateless.
     */
    @FunctionalInterface
    public interface Reader<E> {
        E read(RowValues row) throws java.sql.SQLException;
    }

    /** The database values of {@code entity}, in {@link #attributes()} order. */
    public Object[] toDatabase(E entity) {
        Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = attributes.get(i).databaseValueOf(entity);
        }
        return values;
    }

    /** The field values of {@code entity} now, for {@link #changed}. */
    public Object[] snapshot(E entity) {
        Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = copy(attributes.get(i).get(entity));
        }
        return values;
    }

    /** The attributes whose value on {@code entity} differs from {@code snapshot}. */
    public List<Attribute<E, ?>> changed(Object[] snapshot, E entity) {
        List<Attribute<E, ?>> changed = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            if (!Objects.deepEquals(snapshot[i], attributes.get(i).get(entity))) {
                changed.add(attributes.get(i));
            }
        }
        return changed;
    }

    private static Object copy(Object value) {
        return value instanceof byte[] bytes ? Arrays.copyOf(bytes, bytes.length) : value;
    }

    private static <E, T> void setFromDatabase(Attribute<E, T> attribute, E entity, Object raw) {
        attribute.set(entity, attribute.fromDatabase(raw));
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getName() + " -> " + table + "]";
    }

    /** Builds an {@link EntityModel}; used by generated code. Not thread-safe. */
    public static final class Builder<E> {
        private final Class<E> type;
        private final String table;
        private final List<Attribute<E, ?>> attributes = new ArrayList<>();
        private final List<IndexModel> indexes = new ArrayList<>();
        private Supplier<E> factory;
        private Function<Object[], E> recordFactory;
        private Reader<E> reader;

        private Builder(Class<E> type, String table) {
            this.type = Objects.requireNonNull(type, "type");
            this.table = Objects.requireNonNull(table, "table");
        }

        public Builder<E> attribute(Attribute<E, ?> attribute) {
            attributes.add(attribute);
            return this;
        }

        public Builder<E> index(IndexModel index) {
            indexes.add(index);
            return this;
        }

        /** How to make an empty instance of a mutable entity (its no-arg constructor). */
        public Builder<E> factory(Supplier<E> factory) {
            this.factory = factory;
            return this;
        }

        /** How to make a record from its component values, given in attribute order. */
        public Builder<E> recordFactory(Function<Object[], E> recordFactory) {
            this.recordFactory = recordFactory;
            return this;
        }

        /** How to read an instance from a row with typed reads (generated); without it, attribute by attribute. */
        public Builder<E> reader(Reader<E> reader) {
            this.reader = reader;
            return this;
        }

        public EntityModel<E> build() {
            return new EntityModel<>(this);
        }
    }
}
