package dev.osprey.query;

import dev.osprey.internal.query.Aggregate;
import dev.osprey.internal.query.DeleteStatement;
import dev.osprey.internal.query.Excluded;
import dev.osprey.internal.query.FunctionCall;
import dev.osprey.internal.query.InsertStatement;
import dev.osprey.internal.query.Junction;
import dev.osprey.internal.query.Negation;
import dev.osprey.internal.query.Param;
import dev.osprey.internal.query.Projection;
import dev.osprey.internal.query.SelectStatement;
import dev.osprey.internal.query.UpdateStatement;
import dev.osprey.mapping.EntityModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where statements start: {@code import static dev.osprey.query.Sql.*;} gives {@code select},
 * {@code insert}, {@code update}, {@code delete}, the logical operators and the aggregate and
 * scalar functions. Everything built here is an immutable tree; values are bound and names quoted
 * by the database's dialect when the statement runs.
 */
public final class Sql {
    private Sql() {
    }

    // ------------------------------------------------------------------ statements

    /** Selects whole entities: rows are {@code E} instances. */
    public static <E> Select<E> select(Class<E> entity) {
        return SelectStatement.of(Projection.entity(EntityModel.of(entity)));
    }

    /** Selects one expression: rows are its values ({@code select(User_.NAME)} gives strings). */
    public static <T> Select<T> select(Expression<T> expression) {
        return SelectStatement.of(Projection.single(expression));
    }

    /** Selects several expressions: rows are {@link Tuple}s, or records with {@link Select#into}. */
    public static Select<Tuple> select(Expression<?> first, Expression<?>... more) {
        List<Expression<?>> all = new ArrayList<>(1 + more.length);
        all.add(first);
        all.addAll(Arrays.asList(more));
        return SelectStatement.of(Projection.tuple(all));
    }

    public static <E> Insert<E> insert(Class<E> entity) {
        return InsertStatement.of(EntityModel.of(entity));
    }

    public static <E> Update<E> update(Class<E> entity) {
        return UpdateStatement.of(EntityModel.of(entity));
    }

    public static <E> Delete<E> delete(Class<E> entity) {
        return DeleteStatement.of(EntityModel.of(entity));
    }

    // ------------------------------------------------------------------ logic

    /** All of {@code conditions} (an empty list is true). */
    public static Predicate and(Predicate... conditions) {
        return Junction.of(false, List.of(conditions));
    }

    /** Any of {@code conditions} (an empty list is false). */
    public static Predicate or(Predicate... conditions) {
        return Junction.of(true, List.of(conditions));
    }

    public static Predicate not(Predicate condition) {
        return new Negation(Objects.requireNonNull(condition, "condition"));
    }

    // ------------------------------------------------------------------ aggregates

    /** {@code COUNT(*)}. */
    public static Expression<Long> count() {
        return Aggregate.countAll();
    }

    /** {@code COUNT(expression)}: rows where it is not NULL. */
    public static Expression<Long> count(Expression<?> expression) {
        return Aggregate.of(Aggregate.Function.COUNT, Long.class, expression);
    }

    /** {@code COUNT(DISTINCT expression)}. */
    public static Expression<Long> countDistinct(Expression<?> expression) {
        return Aggregate.of(Aggregate.Function.COUNT_DISTINCT, Long.class, expression);
    }

    /** {@code SUM(expression)}, read as the expression's type (NULL when there are no rows). */
    public static <T> Expression<T> sum(Expression<T> expression) {
        return Aggregate.of(Aggregate.Function.SUM, expression.javaType(), Aggregate.numeric(expression, "sum"));
    }

    /** {@code AVG(expression)} as a double (NULL when there are no rows). */
    public static Expression<Double> avg(Expression<? extends Number> expression) {
        return Aggregate.of(Aggregate.Function.AVG, Double.class, Aggregate.numeric(expression, "avg"));
    }

    public static <T> Expression<T> min(Expression<T> expression) {
        return Aggregate.of(Aggregate.Function.MIN, expression);
    }

    public static <T> Expression<T> max(Expression<T> expression) {
        return Aggregate.of(Aggregate.Function.MAX, expression);
    }

    // ------------------------------------------------------------------ functions and values

    /** The current time as the database sees it (UTC), as an {@link Instant}. */
    public static Expression<Instant> now() {
        return FunctionCall.now();
    }

    /** The first of {@code expressions} that is not NULL. */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T> first, Expression<T>... more) {
        List<Expression<?>> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(more));
        return FunctionCall.of(FunctionCall.Function.COALESCE, first.javaType(), all);
    }

    public static Expression<String> lower(Expression<String> expression) {
        return expression.lower();
    }

    public static Expression<String> upper(Expression<String> expression) {
        return expression.upper();
    }

    /** The texts of the parts joined (NULL if any part is NULL). */
    public static Expression<String> concat(Expression<?> first, Expression<?> second, Expression<?>... more) {
        List<Expression<?>> all = new ArrayList<>();
        all.add(first);
        all.add(second);
        all.addAll(Arrays.asList(more));
        return FunctionCall.of(FunctionCall.Function.CONCAT, String.class, all);
    }

    /** A bound value used as an expression, e.g. {@code coalesce(User_.NICK, value("anonymous"))}. */
    public static <T> Expression<T> value(T value) {
        return Param.value(Objects.requireNonNull(value, "value: use a column's isNull() or setNull() for NULL"));
    }

    /** In an upsert's {@code doUpdate}: the value that was to be inserted into {@code column}. */
    public static <T> Expression<T> excluded(Column<?, T> column) {
        return new Excluded<>(column);
    }

    /** {@code column = value}, for an upsert's {@code doUpdate}. */
    public static <E, T> Assignment<E> set(Column<E, T> column, T value) {
        return new Assignment<>(column, Param.of(column, value));
    }

    /** {@code column = expression}, for an upsert's {@code doUpdate}. */
    public static <E, T> Assignment<E> set(Column<E, T> column, Expression<T> value) {
        return new Assignment<>(column, value);
    }
}
