package dev.osprey.query;

/**
 * A SELECT statement, built with {@link Sql#select} and refined by methods that each return a new,
 * immutable {@code Select}: a statement can be kept in a constant and reused. Rows are entities
 * ({@code select(User.class)}), single values ({@code select(User_.NAME)}), {@link Tuple}s
 * ({@code select(User_.ID, User_.NAME)}) or records ({@code .into(NameAndId.class)}).
 *
 * <pre>{@code
 * Select<User> adults = select(User.class)
 *         .where(User_.AGE.ge(18), User_.NAME.startsWith("A"))
 *         .orderBy(User_.NAME.asc())
 *         .page(2, 20);
 * List<User> users = db.scalars(adults).join();
 * }</pre>
 *
 * @param <R> one row of the result
 */
public interface Select<R> extends Query<R> {

    /** The table to select from, for selects of expressions that belong to no entity ({@code select(count())}). */
    Select<R> from(Class<?> entity);

    /** Adds conditions; all conditions given here and in earlier calls must hold (AND). */
    Select<R> where(Predicate... conditions);

    /** Adds ordering terms after those already given. */
    Select<R> orderBy(Order... orders);

    /** At most {@code rows} rows. */
    Select<R> limit(long rows);

    /** Skips the first {@code rows} rows (use with {@link #orderBy} for a stable order). */
    Select<R> offset(long rows);

    /**
     * Page {@code page} (counted from 1) of {@code size} rows: {@code limit(size).offset((page - 1) * size)}.
     *
     * @throws IllegalArgumentException if {@code page < 1} or {@code size < 1}
     */
    Select<R> page(int page, int size);

    /** {@code SELECT DISTINCT}. */
    Select<R> distinct();

    /** {@code GROUP BY}; select the grouped expressions and aggregates such as {@link Sql#count()}. */
    Select<R> groupBy(Expression<?>... expressions);

    /** Conditions on groups, usually on aggregates: {@code having(count().gt(1L))}. */
    Select<R> having(Predicate... conditions);

    /** An inner join: {@code join(Post.class).on(Post_.AUTHOR_ID.eq(User_.ID))}. */
    Join<R> join(Class<?> entity);

    /** A left outer join: rows of the left side without a match get NULLs for the joined columns. */
    Join<R> leftJoin(Class<?> entity);

    /**
     * Locks the selected rows until the transaction ends ({@code FOR UPDATE}) on PostgreSQL and
     * MariaDB. SQLite has no row locks and ignores it: its single writer already serializes writes.
     */
    Select<R> forUpdate();

    /**
     * Rows as records: the selected expressions are passed, in order, to the canonical constructor
     * of {@code recordType}, each converted to its component's type.
     *
     * @throws IllegalArgumentException if the record's components do not match the selected expressions in number
     */
    <X extends Record> Select<X> into(Class<X> recordType);

    /** The second half of a join. */
    interface Join<R> {
        /** The join condition. */
        Select<R> on(Predicate condition);
    }
}
