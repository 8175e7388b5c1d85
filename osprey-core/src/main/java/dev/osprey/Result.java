package dev.osprey;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The rows a {@link dev.osprey.query.Query} returned, all read into memory (a result holds no
 * connection). Rows are what the query selects: entities for {@code select(User.class)}, values
 * for a one-expression select, {@link dev.osprey.query.Tuple}s or records otherwise. So
 * {@link #scalars()} and {@link #scalar()}, named as in SQLAlchemy, are the same as {@link #all()}
 * and {@link #first()}: Osprey unwraps one-column rows already. Immutable and thread-safe (if the
 * rows are).
 *
 * @param <R> one row
 */
public final class Result<R> implements Iterable<R> {
    private final List<R> rows;

    private Result(List<R> rows) {
        this.rows = rows;
    }

    /** A result of {@code rows} (copied; no nulls unless the query selected NULL values). */
    public static <R> Result<R> of(List<R> rows) {
        return new Result<>(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(Objects.requireNonNull(rows, "rows"))));
    }

    /** Every row, in the order the database returned them. */
    public List<R> all() {
        return rows;
    }

    /** The first row, or {@code null} if there is none. */
    public R first() {
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /**
     * The only row.
     *
     * @throws NoResultException        if there is no row
     * @throws NonUniqueResultException if there are several
     */
    public R one() {
        if (rows.isEmpty()) {
            throw new NoResultException("the query returned no row; one() needs exactly one");
        }
        return oneOrNull();
    }

    /**
     * The only row, or {@code null} if there is none.
     *
     * @throws NonUniqueResultException if there are several
     */
    public R oneOrNull() {
        if (rows.size() > 1) {
            throw new NonUniqueResultException("the query returned " + rows.size() + " rows where at most one was expected");
        }
        return first();
    }

    /** The first row's value: the same as {@link #first()}. */
    public R scalar() {
        return first();
    }

    /** The rows' values: the same as {@link #all()}. */
    public List<R> scalars() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public Stream<R> stream() {
        return rows.stream();
    }

    @Override
    public Iterator<R> iterator() {
        return rows.iterator();
    }

    @Override
    public String toString() {
        return "Result" + rows;
    }
}
