package dev.osprey.internal.driver;

import java.util.concurrent.CompletableFuture;

/**
 * One pooled connection held across several calls, with a transaction on it: what a session runs
 * on. The connection is borrowed at the first {@link #run} and a transaction begun on it; it is
 * held until {@link #commit()} or {@link #rollback()}, which give it back (in autocommit mode, or
 * evicted when it broke); the next {@link #run} borrows again and begins the next transaction.
 *
 * <p>Calls run one at a time in the order they were made (a failed one does not hold up the rest).
 * Every statement goes through the driver's usual execution: listeners, the statement timeout,
 * error translation; cancelling a call's future cancels its running statement. After a call found
 * the connection lost, calls fail with {@link dev.osprey.ConnectionLostException} until
 * {@link #rollback()}, so that no work silently lands in a new transaction. Thread-safe.
 */
public interface Lease {

    /** Runs {@code work} on the held connection, in its transaction (borrowing and beginning one first if needed). */
    <T> CompletableFuture<T> run(LeaseWork<T> work);

    /** Commits and gives the connection back; does nothing if none is held. On failure the connection is rolled back and given back. */
    CompletableFuture<Void> commit();

    /**
     * Runs {@code last}, then commits and gives the connection back, in one call. When no transaction
     * is open, {@code last} starts in autocommit mode ({@link LeasedConnection#inTransaction()} is
     * false): a single statement then needs no transaction, and more must {@link LeasedConnection#begin()}
     * one. If {@code last} fails inside a transaction that was open before, the transaction stays open
     * for the caller to undo; otherwise nothing is left open. A failed commit is rolled back.
     */
    <T> CompletableFuture<T> commit(LeaseWork<T> last);

    /** Rolls back and gives the connection back; does nothing if none is held. Clears a lost connection. */
    CompletableFuture<Void> rollback();

    /** Whether a connection (and so a transaction) is held right now. */
    boolean holdsConnection();

    /** Blocking work with the held connection. */
    @FunctionalInterface
    interface LeaseWork<T> {
        T run(LeasedConnection connection) throws java.sql.SQLException;
    }

    /**
     * The statements of one lease call: a {@link StatementRunner} plus savepoints and the raw
     * connection. Unusable once the call's work returned. Not thread-safe.
     */
    interface LeasedConnection extends StatementRunner {

        /** Whether a transaction is open (false only in the autocommit start of {@link Lease#commit(LeaseWork)}). */
        boolean inTransaction();

        /** Whether this call opened the transaction: nothing ran in it before this work. */
        boolean fresh();

        /**
         * Whether the open transaction has changed or locked anything so far: a statement other than a
         * plain SELECT ran in it. Rolling back one that has not loses only what it read.
         */
        boolean changedAnything();

        /** Begins a transaction if none is open; the lease ends it. */
        void begin() throws java.sql.SQLException;

        /** {@code SAVEPOINT name}; the name is Osprey's own (letters, digits, underscores). */
        void savepoint(String name);

        /** {@code ROLLBACK TO SAVEPOINT name}. */
        void rollbackToSavepoint(String name);

        /** {@code RELEASE SAVEPOINT name}. */
        void releaseSavepoint(String name);

        /** The JDBC connection for user code; its {@code close()} does nothing and its statements are cancellable. */
        java.sql.Connection jdbc();
    }
}
