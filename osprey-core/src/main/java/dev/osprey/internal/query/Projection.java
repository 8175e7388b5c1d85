package dev.osprey.internal.query;

import dev.osprey.internal.driver.ResultColumns;
import dev.osprey.internal.driver.RowMapper;
import dev.osprey.internal.driver.ValueConverter;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.RowValues;
import dev.osprey.query.Column;
import dev.osprey.query.Expression;
import dev.osprey.query.Tuple;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one row of a query is, and how to make it from the row's raw database values (in select
 * order): an entity, one value, a {@link Tuple}, or a record.
 *
 * @param <R> one row
 */
public sealed interface Projection<R> extends RowMapper<R> {

    /** Makes a row from the raw values the driver read, in select order. */
    @Override
    R map(Object[] raw);

    /** The entity whose table the query reads when no {@code from} is given, or {@code null}. */
    EntityModel<?> defaultTable();

    static <E> Projection<E> entity(EntityModel<E> model) {
        return new EntityRow<>(model);
    }

    static <T> Projection<T> single(Expression<T> expression) {
        return new SingleValue<>(Objects.requireNonNull(expression, "expression"));
    }

    static Projection<Tuple> tuple(List<Expression<?>> expressions) {
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "a selected expression is null");
        }
        return new TupleRow(List.copyOf(expressions));
    }

    /** Rows as entities: every column of the entity's table, in attribute order. */
    record EntityRow<E>(EntityModel<E> model) implements Projection<E> {
        @Override
        public E map(Object[] raw) {
            return model.fromDatabase(raw);
        }

        /** Rows read straight into the entity's fields, when the result has its columns (and no others). */
        @Override
        public Reader<E> reader(ResultColumns columns) {
            if (columns.count() != model.attributes().size()) {
                return null;   // map() says what is wrong
            }
            RowValues values = RowValues.of(columns);
            return () -> model.read(values);
        }

        @Override
        public Class<?> readAs(int index) {
            return index < model.attributes().size() ? model.attributes().get(index).readAs() : null;
        }

        @Override
        public EntityModel<?> defaultTable() {
            return model;
        }
    }

    /** Rows as the values of one expression. */
    record SingleValue<T>(Expression<T> expression) implements Projection<T> {
        @Override
        public T map(Object[] raw) {
            return expression.readValue(raw[0]);
        }

        @Override
        public Class<?> readAs(int index) {
            return Expressions.readAs(expression);
        }

        @Override
        public EntityModel<?> defaultTable() {
            return Expressions.firstTable(List.of(expression));
        }
    }

    /** Rows as tuples of several expressions. */
    record TupleRow(List<Expression<?>> expressions) implements Projection<Tuple> {
        @Override
        public Tuple map(Object[] raw) {
            Object[] values = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                values[i] = expressions.get(i).readValue(raw[i]);
            }
            return Tuple.of(expressions, values);
        }

        @Override
        public Class<?> readAs(int index) {
            return index < expressions.size() ? Expressions.readAs(expressions.get(index)) : null;
        }

        @Override
        public EntityModel<?> defaultTable() {
            return Expressions.firstTable(expressions);
        }
    }

    /** Rows as records made by their canonical constructor from several expressions. */
    record RecordRow<R extends Record>(List<Expression<?>> expressions, Class<R> type, Constructor<R> constructor,
                                       Class<?>[] componentTypes, List<Function<Object, ?>> conversions)
            implements Projection<R> {

        public static <R extends Record> RecordRow<R> of(List<Expression<?>> expressions, Class<R> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            if (components.length != expressions.size()) {
                throw new IllegalArgumentException(type.getSimpleName() + " has " + components.length
                        + " components but the select has " + expressions.size() + " expressions " + expressions);
            }
            Class<?>[] types = new Class<?>[components.length];
            List<Function<Object, ?>> conversions = new ArrayList<>(components.length);
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                conversions.add(ValueConverter.to(types[i]));
            }
            try {
                Constructor<R> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new RecordRow<>(List.copyOf(expressions), type, constructor, types, List.copyOf(conversions));
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName()
                        + " (in a named module, open its package to dev.osprey): " + e.getMessage(), e);
            }
        }

        @Override
        public R map(Object[] raw) {
            Object[] args = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                Object value = expressions.get(i).readValue(raw[i]);
                Class<?> target = componentTypes[i];
                if (value == null && target.isPrimitive()) {
                    throw new IllegalArgumentException(type.getSimpleName() + " component " + i + " is a "
                            + target.getName() + ", which cannot hold the NULL of " + expressions.get(i));
                }
                try {
                    args[i] = value == null ? null : conversions.get(i).apply(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + type.getRecordComponents()[i].getName()
                            + ": " + expressions.get(i) + " " + e.getMessage(), e);
                }
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("the constructor of " + type.getName() + " failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
            }
        }

        @Override
        public Class<?> readAs(int index) {
            return index < expressions.size() ? Expressions.readAs(expressions.get(index)) : null;
        }

        @Override
        public EntityModel<?> defaultTable() {
            return Expressions.firstTable(expressions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RecordRow<?> other && other.type == type && other.expressions.equals(expressions);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + expressions.hashCode();
        }
    }

    /** Helpers over expression trees. */
    final class Expressions {
        private Expressions() {
        }

        /** How a column's raw value is best read (see {@link dev.osprey.mapping.Attribute#readAs}); null for other expressions. */
        static Class<?> readAs(Expression<?> e) {
            return e instanceof Column<?, ?> c ? c.attribute().readAs() : null;
        }

        /** The entity of the first column found in {@code expressions} (depth first), or {@code null}. */
        static EntityModel<?> firstTable(List<? extends Expression<?>> expressions) {
            for (Expression<?> e : expressions) {
                EntityModel<?> model = table(e);
                if (model != null) {
                    return model;
                }
            }
            return null;
        }

        private static EntityModel<?> table(Expression<?> e) {
            return switch (e) {
                case Column<?, ?> c -> c.model();
                case Arithmetic<?> a -> firstTable(List.of(a.left(), a.right()));
                case FunctionCall<?> f -> firstTable(f.arguments());
                case Aggregate<?> a -> a.argument() == null ? null : table(a.argument());
                default -> null;
            };
        }
    }
}
