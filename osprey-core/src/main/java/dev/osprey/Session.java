package dev.osprey;

import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.query.Select;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A unit of work, SQLAlchemy's {@code AsyncSession} done without its traps: an identity map (one
 * object per row per session), change tracking, and a transaction on one connection.
 *
 * <pre>{@code
 * try (Session s = db.session()) {
 *     User u = new User("Ada");
 *     s.add(u);                                    // no I/O: pending until flush
 *     s.commit().join();                           // INSERT, COMMIT; u's id is set
 *     User same = s.get(User.class, u.getId()).join();   // same object, no query
 *     same.setName("Ada L.");
 *     s.commit().join();                           // UPDATE users SET name = ? WHERE id = ?
 * }                                                // close: rolls back what was not committed
 * }</pre>
 *
 * <p><b>Connection and transaction.</b> The session takes a pooled connection and begins a
 * transaction at its first statement, holds both until {@link #commit()} or {@link #rollback()},
 * then gives the connection back; the next statement begins a new transaction. {@link #close()}
 * rolls back anything not committed and returns the connection.
 *
 * <p><b>No hidden I/O.</b> {@link #add}, {@link #delete} and reading or writing an entity's fields
 * never touch the database; commit does not expire objects, so an entity stays readable after
 * commit and after the session is closed.
 *
 * <p><b>Many callers.</b> A session may be used by several tasks at once: its operations run one at
 * a time, in the order they were called, and its state stays consistent. Work that should run in
 * parallel uses several sessions. Thread-safe in this sense.
 *
 * <p><b>Flush.</b> {@link #flush()} writes pending changes: inserts (batched per table, referenced
 * tables first), then updates of only the changed columns (checking and bumping a
 * {@link dev.osprey.annotation.Version} column), then deletes (referring tables first). With
 * autoflush (the default) each query of the session flushes first. A flush that fails leaves the
 * database as it was before the flush (it runs in a savepoint) and the session usable.
 */
public interface Session extends AutoCloseable {

    /** Adds a new entity (pending insert; no I/O) and gives it back. Adding an entity twice is harmless. */
    <E> E add(E entity);

    /** {@link #add} for each entity. */
    void addAll(Iterable<?> entities);

    /**
     * The entity with this id: from the identity map without a query if the session has it, else
     * loaded (and then kept). Gives {@code null} if there is no such row.
     */
    <E> CompletableFuture<E> get(Class<E> type, Object id);

    /** Marks an entity of this session for deletion at the next flush (no I/O); a pending one is simply dropped. */
    void delete(Object entity);

    /** Reads the entity's row again and overwrites its fields (discarding unflushed changes to it). */
    <E> CompletableFuture<E> refresh(E entity);

    /** Writes pending inserts, updates and deletes, inside the session's transaction. */
    CompletableFuture<Void> flush();

    /** Flushes, commits, and returns the connection to the pool. Entities stay as they are. */
    CompletableFuture<Void> commit();

    /**
     * Rolls back the transaction and returns the connection. Pending changes are dropped; entities
     * inserted in the rolled-back transaction are forgotten by the session, and their ids are reset
     * to null where they were generated.
     */
    CompletableFuture<Void> rollback();

    /**
     * Runs {@code work} in a savepoint: if its future fails, only the work done in it is rolled back
     * (the database and the session's pending changes) and the failure is passed on; the session's
     * transaction goes on.
     */
    <T> CompletableFuture<T> savepoint(TransactionWork<T> work);

    /** Runs a query in the session's transaction (after autoflush); entities it returns join the identity map. */
    <R> CompletableFuture<Result<R>> execute(Query<R> query);

    /** Runs an insert, update or delete in the session's transaction (after autoflush). */
    CompletableFuture<Long> execute(Mutation statement);

    <R> CompletableFuture<List<R>> scalars(Query<R> query);

    <R> CompletableFuture<R> scalar(Query<R> query);

    CompletableFuture<Long> count(Select<?> select);

    /** Runs plain JDBC code on the session's connection, inside its transaction (SQLAlchemy's {@code run_sync}). */
    <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback);

    /** Whether the session holds a connection with an open transaction. */
    boolean inTransaction();

    /**
     * Waits for the session's running operations, rolls back anything not committed and returns the
     * connection. Later calls fail with {@link IllegalStateException}. Calling it again does nothing.
     */
    @Override
    void close();
}
