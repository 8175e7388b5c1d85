package dev.osprey.query;

import dev.osprey.internal.driver.ValueConverter;
import dev.osprey.internal.query.Arithmetic;
import dev.osprey.internal.query.Between;
import dev.osprey.internal.query.Comparison;
import dev.osprey.internal.query.FunctionCall;
import dev.osprey.internal.query.InList;
import dev.osprey.internal.query.InQuery;
import dev.osprey.internal.query.Like;
import dev.osprey.internal.query.NullCheck;
import dev.osprey.internal.query.Param;
import dev.osprey.internal.query.SelectStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed SQL expression: a column ({@link Column}), a bound value, an arithmetic or function
 * expression, an aggregate. Its methods build predicates ({@code User_.NAME.eq("Ada")}), orderings
 * ({@code User_.ID.desc()}) and new expressions ({@code User_.COUNT.plus(1)}); values given to them
 * are always bound as parameters, never written into the SQL text. Expressions are immutable and
 * safe to share between threads; build them once and reuse them if you like.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> {

    /** The Java type values of this expression are read as. */
    Class<T> javaType();

    /** The value bound for {@code value} when it is compared with this expression (a column applies its enum or converter mapping). */
    default Object bindValue(T value) {
        return value;
    }

    /** This expression's value for what the database returned ({@code null} for SQL NULL). */
    default T readValue(Object raw) {
        return ValueConverter.convert(raw, javaType());
    }

    // ------------------------------------------------------------------ comparisons

    /** {@code this = value}; {@code eq(null)} is {@code IS NULL}, as in SQLAlchemy. */
    default Predicate eq(T value) {
        return value == null ? isNull() : Comparison.of(this, Comparison.Operator.EQ, Param.of(this, value));
    }

    default Predicate eq(Expression<T> other) {
        return Comparison.of(this, Comparison.Operator.EQ, other);
    }

    /** {@code this <> value}; {@code ne(null)} is {@code IS NOT NULL}. Rows where this is NULL never match a {@code <>}. */
    default Predicate ne(T value) {
        return value == null ? isNotNull() : Comparison.of(this, Comparison.Operator.NE, Param.of(this, value));
    }

    default Predicate ne(Expression<T> other) {
        return Comparison.of(this, Comparison.Operator.NE, other);
    }

    default Predicate lt(T value) {
        return Comparison.of(this, Comparison.Operator.LT, Param.of(this, nonNull(value, "lt")));
    }

    default Predicate lt(Expression<T> other) {
        return Comparison.of(this, Comparison.Operator.LT, other);
    }

    default Predicate le(T value) {
        return Comparison.of(this, Comparison.Operator.LE, Param.of(this, nonNull(value, "le")));
    }

    default Predicate le(Expression<T> other) {
        return Comparison.of(this, Comparison.Operator.LE, other);
    }

    default Predicate gt(T value) {
        return Comparison.of(this, Comparison.Operator.GT, Param.of(this, nonNull(value, "gt")));
    }

    default Predicate gt(Expression<T> other) {
        return Comparison.of(this, Comparison.Operator.GT, other);
    }

    default Predicate ge(T value) {
        return Comparison.of(this, Comparison.Operator.GE, Param.of(this, nonNull(value, "ge")));
    }

    default Predicate ge(Expression<T> other) {
        return Comparison.of(this, Comparison.Operator.GE, other);
    }

    /** {@code this BETWEEN low AND high}: both ends included. */
    default Predicate between(T low, T high) {
        return new Between(this, Param.of(this, nonNull(low, "between")), Param.of(this, nonNull(high, "between")));
    }

    /**
     * {@code this IN (values…)}. An empty list matches no row (rendered as a false condition, as
     * SQLAlchemy does). Null elements are refused: {@code IN} never matches NULL.
     */
    @SuppressWarnings("unchecked")
    default Predicate in(T... values) {
        return in(Arrays.asList(Objects.requireNonNull(values, "values")));
    }

    default Predicate in(Collection<? extends T> values) {
        return new InList(this, params(this, values, "in"), false);
    }

    /** {@code this IN (subquery)}; the subquery selects one column of the same type. */
    default Predicate in(Select<T> subquery) {
        return new InQuery(this, SelectStatement.cast(subquery), false);
    }

    /** {@code this NOT IN (values…)}. An empty list matches every row. Rows where this is NULL never match. */
    @SuppressWarnings("unchecked")
    default Predicate notIn(T... values) {
        return notIn(Arrays.asList(Objects.requireNonNull(values, "values")));
    }

    default Predicate notIn(Collection<? extends T> values) {
        return new InList(this, params(this, values, "notIn"), true);
    }

    default Predicate notIn(Select<T> subquery) {
        return new InQuery(this, SelectStatement.cast(subquery), true);
    }

    /**
     * {@code this LIKE pattern}: {@code %} matches any run of characters, {@code _} one character,
     * and a backslash makes the next character literal, on every database. Case-sensitive on every
     * database (Osprey turns on SQLite's {@code case_sensitive_like}).
     */
    default Predicate like(String pattern) {
        return new Like(this, Param.raw(nonNull(pattern, "like")), false, false);
    }

    default Predicate notLike(String pattern) {
        return new Like(this, Param.raw(nonNull(pattern, "notLike")), false, true);
    }

    /** {@code like} ignoring case (PostgreSQL's {@code ILIKE}; {@code LOWER(x) LIKE LOWER(p)} elsewhere; ASCII only on SQLite). */
    default Predicate ilike(String pattern) {
        return new Like(this, Param.raw(nonNull(pattern, "ilike")), true, false);
    }

    /** Starts with {@code prefix}, taken literally: {@code %}, {@code _} and backslashes in it match only themselves. */
    default Predicate startsWith(String prefix) {
        return like(Like.escape(nonNull(prefix, "startsWith")) + "%");
    }

    /** Ends with {@code suffix}, taken literally. */
    default Predicate endsWith(String suffix) {
        return like("%" + Like.escape(nonNull(suffix, "endsWith")));
    }

    /** Contains {@code part}, taken literally (case-sensitive; see {@link #containsIgnoreCase}). */
    default Predicate contains(String part) {
        return like("%" + Like.escape(nonNull(part, "contains")) + "%");
    }

    /** Contains {@code part}, taken literally, ignoring case. */
    default Predicate containsIgnoreCase(String part) {
        return ilike("%" + Like.escape(nonNull(part, "containsIgnoreCase")) + "%");
    }

    default Predicate isNull() {
        return new NullCheck(this, false);
    }

    default Predicate isNotNull() {
        return new NullCheck(this, true);
    }

    // ------------------------------------------------------------------ ordering

    default Order asc() {
        return new Order(this, false, Order.Nulls.DEFAULT);
    }

    default Order desc() {
        return new Order(this, true, Order.Nulls.DEFAULT);
    }

    // ------------------------------------------------------------------ arithmetic and functions

    /** {@code this + n}, for numeric expressions: {@code set(User_.COUNT, User_.COUNT.plus(1))}. */
    default Expression<T> plus(Number n) {
        return Arithmetic.of(this, Arithmetic.Operator.PLUS, Param.raw(nonNull(n, "plus")));
    }

    default Expression<T> plus(Expression<? extends Number> other) {
        return Arithmetic.of(this, Arithmetic.Operator.PLUS, other);
    }

    default Expression<T> minus(Number n) {
        return Arithmetic.of(this, Arithmetic.Operator.MINUS, Param.raw(nonNull(n, "minus")));
    }

    default Expression<T> minus(Expression<? extends Number> other) {
        return Arithmetic.of(this, Arithmetic.Operator.MINUS, other);
    }

    default Expression<T> times(Number n) {
        return Arithmetic.of(this, Arithmetic.Operator.TIMES, Param.raw(nonNull(n, "times")));
    }

    default Expression<T> times(Expression<? extends Number> other) {
        return Arithmetic.of(this, Arithmetic.Operator.TIMES, other);
    }

    /** {@code this / n}: integer division (truncating) when this is an integer type, on every database. */
    default Expression<T> div(Number n) {
        return Arithmetic.of(this, Arithmetic.Operator.DIV, Param.raw(nonNull(n, "div")));
    }

    default Expression<T> div(Expression<? extends Number> other) {
        return Arithmetic.of(this, Arithmetic.Operator.DIV, other);
    }

    /** This text followed by {@code suffix}. NULL if this is NULL. */
    default Expression<String> concat(String suffix) {
        return FunctionCall.of(FunctionCall.Function.CONCAT, String.class, this, Param.raw(nonNull(suffix, "concat")));
    }

    default Expression<String> concat(Expression<?> other) {
        return FunctionCall.of(FunctionCall.Function.CONCAT, String.class, this, other);
    }

    default Expression<String> lower() {
        return FunctionCall.of(FunctionCall.Function.LOWER, String.class, FunctionCall.text(this, "lower"));
    }

    default Expression<String> upper() {
        return FunctionCall.of(FunctionCall.Function.UPPER, String.class, FunctionCall.text(this, "upper"));
    }

    /** This value, or {@code fallback} where it is NULL ({@code COALESCE}). */
    default Expression<T> coalesce(T fallback) {
        return FunctionCall.of(FunctionCall.Function.COALESCE, javaType(), this, Param.of(this, nonNull(fallback, "coalesce")));
    }

    default Expression<T> coalesce(Expression<T> fallback) {
        return FunctionCall.of(FunctionCall.Function.COALESCE, javaType(), this, fallback);
    }

    private static <V> V nonNull(V value, String operation) {
        if (value == null) {
            throw new IllegalArgumentException(operation + "(null) is not allowed: a comparison with NULL is never true; "
                    + "use isNull() or isNotNull()");
        }
        return value;
    }

    private static <V> List<Param<?>> params(Expression<V> expression, Collection<? extends V> values, String operation) {
        Objects.requireNonNull(values, "values");
        List<Param<?>> params = new ArrayList<>(values.size());
        for (V value : values) {
            if (value == null) {
                throw new IllegalArgumentException(operation + "(...) got a null element: IN never matches NULL; "
                        + "combine with isNull() instead");
            }
            params.add(Param.of(expression, value));
        }
        return params;
    }
}
