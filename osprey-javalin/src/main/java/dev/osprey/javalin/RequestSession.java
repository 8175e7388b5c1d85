package dev.osprey.javalin;

import dev.osprey.ConnectionCallback;
import dev.osprey.Result;
import dev.osprey.Session;
import dev.osprey.TransactionWork;
import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.query.Select;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session a handler sees: the transaction's session, with every future it gave out remembered
 * until it completes, so that an aborted request can {@link #cancel()} them. Cancelling an Osprey
 * future cancels its statement on the server, but the stage a handler returns is usually a dependent
 * one ({@code thenApply}, {@code thenCompose}) whose cancellation would not reach the statement.
 * Thread-safe, like the session it wraps.
 */
final class RequestSession implements Session {
    private final Session session;
    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    RequestSession(Session session) {
        this.session = session;
    }

    /** Cancels the session's running and queued operations, and any it is asked for later. */
    void cancel() {
        cancelled = true;
        for (CompletableFuture<?> future : running) {
            future.cancel(true);
        }
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        running.add(future);
        future.whenComplete((value, error) -> running.remove(future));
        if (cancelled) {
            future.cancel(true);   // cancel() ran while the operation was being made
        }
        return future;
    }

    @Override
    public <E> E add(E entity) {
        return session.add(entity);
    }

    @Override
    public void addAll(Iterable<?> entities) {
        session.addAll(entities);
    }

    @Override
    public <E> CompletableFuture<E> get(Class<E> type, Object id) {
        return track(session.get(type, id));
    }

    @Override
    public void delete(Object entity) {
        session.delete(entity);
    }

    @Override
    public <E> CompletableFuture<E> refresh(E entity) {
        return track(session.refresh(entity));
    }

    @Override
    public CompletableFuture<Void> flush() {
        return track(session.flush());
    }

    @Override
    public CompletableFuture<Void> commit() {
        return track(session.commit());
    }

    @Override
    public CompletableFuture<Void> rollback() {
        return track(session.rollback());
    }

    @Override
    public <T> CompletableFuture<T> savepoint(TransactionWork<T> work) {
        return track(session.savepoint(inner -> work.run(this)));
    }

    @Override
    public <R> CompletableFuture<Result<R>> execute(Query<R> query) {
        return track(session.execute(query));
    }

    @Override
    public CompletableFuture<Long> execute(Mutation statement) {
        return track(session.execute(statement));
    }

    @Override
    public <R> CompletableFuture<List<R>> scalars(Query<R> query) {
        return track(session.scalars(query));
    }

    @Override
    public <R> CompletableFuture<R> scalar(Query<R> query) {
        return track(session.scalar(query));
    }

    @Override
    public CompletableFuture<Long> count(Select<?> select) {
        return track(session.count(select));
    }

    @Override
    public <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback) {
        return track(session.withConnection(callback));
    }

    @Override
    public boolean inTransaction() {
        return session.inTransaction();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
