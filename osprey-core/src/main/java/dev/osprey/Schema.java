package dev.osprey;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Creates and drops the tables of entities, from their generated metamodels. Get one with
 * {@link Database#schema()}. Safe to use from any thread.
 */
public interface Schema {

    /**
     * Creates the tables, their unique constraints, foreign keys and indexes, referenced tables
     * before the tables that refer to them, skipping what already exists ({@code IF NOT EXISTS}).
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
