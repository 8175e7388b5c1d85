package dev.osprey.internal.engine;

import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.driver.ValueConverter;
import dev.osprey.internal.query.DeleteStatement;
import dev.osprey.internal.query.InsertStatement;
import dev.osprey.internal.query.ReturningStatement;
import dev.osprey.internal.query.SelectStatement;
import dev.osprey.internal.query.UpdateStatement;
import dev.osprey.internal.sql.Dialect;
import dev.osprey.internal.sql.StatementRenderer;
import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.query.Select;

import java.util.List;

/**
 * Turns typed statements into {@link Call}s: renders them at once, in the caller's thread (so a
 * mistake in a statement is an {@link IllegalArgumentException} thrown there), and leaves running
 * them to whoever holds a connection: the {@link Engine} on a pooled one, a session on its own.
 * Inserts are planned by {@link InsertPlan}. Thread-safe.
 */
public final class StatementExecutor {
    private final StatementRenderer renderer;

    public StatementExecutor(Dialect dialect) {
        this.renderer = new StatementRenderer(dialect);
    }

    /** The rows of a select, or of an insert with {@code returning}. */
    public <R> Call<List<R>> query(Query<R> query) {
        return switch (query) {
            case null -> throw new IllegalArgumentException("the query must not be null");
            case SelectStatement<R> select -> select(select);
            case ReturningStatement<R> returning -> InsertPlan.returning(renderer, returning);
            default -> throw new IllegalArgumentException("not a query built with dev.osprey.query.Sql: "
                    + query.getClass().getName());
        };
    }

    /** How many rows {@code select} gives. */
    public Call<Long> count(Select<?> select) {
        if (!(select instanceof SelectStatement<?> statement)) {
            throw new IllegalArgumentException(select == null ? "the select must not be null"
                    : "not a select built with dev.osprey.query.Sql: " + select.getClass().getName());
        }
        SqlStatement sql = renderer.count(statement);
        return new Call<>(mode(sql), runner -> {
            List<Object> values = runner.query(sql, raw -> raw[0]);
            Long count = values.isEmpty() ? null : ValueConverter.convert(values.getFirst(), Long.class);
            return count == null ? 0L : count;
        });
    }

    /** An insert, update or delete; gives the rows it inserted, changed or deleted. */
    public Call<Long> mutation(Mutation mutation) {
        return switch (mutation) {
            case null -> throw new IllegalArgumentException("the statement must not be null");
            case InsertStatement<?> insert -> InsertPlan.mutation(renderer, insert);
            case UpdateStatement<?> update -> update(renderer.update(update));
            case DeleteStatement<?> delete -> update(renderer.delete(delete));
            default -> throw new IllegalArgumentException("not a statement built with dev.osprey.query.Sql: "
                    + mutation.getClass().getName());
        };
    }

    private <R> Call<List<R>> select(SelectStatement<R> select) {
        SqlStatement sql = renderer.select(select);
        var projection = select.projection();
        return new Call<>(mode(sql), runner -> runner.query(sql, projection));
    }

    private static Call<Long> update(SqlStatement sql) {
        return new Call<>(mode(sql), runner -> runner.update(sql));
    }

    /** A statement on its own: atomic without a transaction; a read-only one may go to a reader. */
    private static Driver.Mode mode(SqlStatement sql) {
        if (!sql.readOnly()) {
            return Driver.Mode.AUTOCOMMIT;
        }
        return sql.readByKey() ? Driver.Mode.READ_BY_KEY : Driver.Mode.READ_ONLY;
    }
}
