package dev.osprey;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Creates and drops the tables of entities, from their generated metamodels. Get one with
 * {@link Database#schema()}. Safe to use from any thread.
 *
 * <p>Each method takes entity classes in any order: duplicates are ignored, and tables are created
 * referenced-first (a {@code @References} to the entity itself is fine; a cycle between different
 * entities is an {@link IllegalArgumentException} naming them, as are no classes, a {@code null}
 * class, a class without a generated metamodel and an invalid {@code @Column(defaultValue)}).
 * These mistakes throw at once; database errors fail the future with an {@link OspreyException}
 * whose {@link OspreyException#sql() sql()} is the statement that failed.
 *
 * <p>Names: unique constraints are {@code uq_<table>_<column>}, foreign keys
 * {@code fk_<table>_<column>}, indexes as declared in {@code @Table(indexes = ...)}; a name longer than
 * the database allows is cut and ends in a hash of the full name.
 */
public interface Schema {

    /**
     * Creates the tables, their unique constraints, foreign keys and indexes, referenced tables
     * before the tables that refer to them, skipping what already exists ({@code IF NOT EXISTS}), so
     * running it again is harmless. The statements run in order on one connection; on PostgreSQL and
     * SQLite they commit together or not at all, on MariaDB/MySQL (where DDL commits implicitly) each
     * on its own.
     */
    CompletableFuture<Void> createAll(Class<?>... entities);

    /** Drops the tables (if they exist), referring tables before the tables they refer to. */
    CompletableFuture<Void> dropAll(Class<?>... entities);

    /**
     * The statements {@link #createAll} would run on this database, in order, for use in a
     * migration tool. No I/O.
     */
    List<String> ddl(Class<?>... entities);
}
