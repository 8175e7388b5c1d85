package dev.osprey.internal.query;

import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Expression;
import dev.osprey.query.Order;
import dev.osprey.query.Predicate;
import dev.osprey.query.Select;

import java.util.List;
import java.util.Objects;

/**
 * The tree of a SELECT. Every builder method returns a new instance. Two selects that differ only
 * in bound values are equal (see {@link Param}): the renderer caches SQL text by that shape.
 *
 * @param from   the first table, or {@code null} to take the projection's
 * @param limit  {@code null} for no limit
 * @param offset {@code null} for no offset
 */
public record SelectStatement<R>(Projection<R> projection, EntityModel<?> from, List<JoinClause> joins,
                                 List<Predicate> where, List<Expression<?>> groupBy, List<Predicate> having,
                                 List<Order> orderBy, Param<Long> limit, Param<Long> offset, boolean distinctRows,
                                 boolean lockRows) implements Select<R> {

    /** One join: the joined entity and the condition. */
    public record JoinClause(boolean left, EntityModel<?> model, Predicate on) {
    }

    public static <R> SelectStatement<R> of(Projection<R> projection) {
        return new SelectStatement<>(projection, null, List.of(), List.of(), List.of(), List.of(), List.of(), null,
                null, false, false);
    }

    /** {@code select} as a tree, checked to select exactly one expression (for {@code IN (subquery)}). */
    public static <T> SelectStatement<T> cast(Select<T> select) {
        Objects.requireNonNull(select, "subquery");
        if (!(select instanceof SelectStatement<T> statement)) {
            throw new IllegalArgumentException("not a select built by Osprey: " + select.getClass().getName());
        }
        if (!(statement.projection instanceof Projection.SingleValue<T>)) {
            throw new IllegalArgumentException("a subquery must select exactly one expression");
        }
        return statement;
    }

    /** The first table of the FROM clause. */
    public EntityModel<?> table() {
        EntityModel<?> table = from != null ? from : projection.defaultTable();
        if (table == null) {
            throw new IllegalArgumentException("the select names no table: add .from(Entity.class)");
        }
        return table;
    }

    /** Whether the statement only reads (and may run on a read-only connection). */
    public boolean readOnly() {
        return !lockRows;
    }

    @Override
    public Select<R> from(Class<?> entity) {
        return new SelectStatement<>(projection, EntityModel.of(entity), joins, where, groupBy, having, orderBy, limit,
                offset, distinctRows, lockRows);
    }

    @Override
    public Select<R> where(Predicate... conditions) {
        return new SelectStatement<>(projection, from, joins, ImmutableLists.append(where, conditions, "condition"), groupBy, having,
                orderBy, limit, offset, distinctRows, lockRows);
    }

    @Override
    public Select<R> orderBy(Order... orders) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, ImmutableLists.append(orderBy, orders, "order"),
                limit, offset, distinctRows, lockRows);
    }

    @Override
    public Select<R> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + rows);
        }
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, Param.value(rows), offset,
                distinctRows, lockRows);
    }

    @Override
    public Select<R> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + rows);
        }
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, limit, Param.value(rows),
                distinctRows, lockRows);
    }

    @Override
    public Select<R> page(int page, int size) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are counted from 1; got page " + page);
        }
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one row; got size " + size);
        }
        return limit(size).offset((long) (page - 1) * size);
    }

    @Override
    public Select<R> distinct() {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, limit, offset, true,
                lockRows);
    }

    @Override
    public Select<R> groupBy(Expression<?>... expressions) {
        return new SelectStatement<>(projection, from, joins, where, ImmutableLists.append(groupBy, expressions, "expression"), having,
                orderBy, limit, offset, distinctRows, lockRows);
    }

    @Override
    public Select<R> having(Predicate... conditions) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, ImmutableLists.append(having, conditions, "condition"),
                orderBy, limit, offset, distinctRows, lockRows);
    }

    @Override
    public Join<R> join(Class<?> entity) {
        EntityModel<?> model = EntityModel.of(entity);
        return on -> withJoin(new JoinClause(false, model, Objects.requireNonNull(on, "join condition")));
    }

    @Override
    public Join<R> leftJoin(Class<?> entity) {
        EntityModel<?> model = EntityModel.of(entity);
        return on -> withJoin(new JoinClause(true, model, Objects.requireNonNull(on, "join condition")));
    }

    private Select<R> withJoin(JoinClause join) {
        return new SelectStatement<>(projection, from, ImmutableLists.append(joins, join), where, groupBy, having, orderBy, limit, offset,
                distinctRows, lockRows);
    }

    @Override
    public Select<R> forUpdate() {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, limit, offset, distinctRows,
                true);
    }

    @Override
    public <X extends Record> Select<X> into(Class<X> recordType) {
        List<Expression<?>> expressions = switch (projection) {
            case Projection.SingleValue<R> single -> List.of(single.expression());
            case Projection.TupleRow tuple -> tuple.expressions();
            case Projection.RecordRow<?> record -> record.expressions();
            case Projection.EntityRow<R> entity -> throw new IllegalArgumentException(
                    "into() maps selected expressions; select the columns wanted, e.g. select(User_.ID, User_.NAME)");
        };
        return new SelectStatement<>(Projection.RecordRow.of(expressions, Objects.requireNonNull(recordType, "type")),
                from, joins, where, groupBy, having, orderBy, limit, offset, distinctRows, lockRows);
    }

    @Override
    public String toString() {
        return "Select[" + projection + " from " + (from != null ? from : projection.defaultTable()) + "]";
    }
}
