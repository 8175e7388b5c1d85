package dev.osprey.internal.session;

import dev.osprey.ConnectionCallback;
import dev.osprey.NoResultException;
import dev.osprey.Result;
import dev.osprey.Session;
import dev.osprey.SessionOptions;
import dev.osprey.TransactionWork;
import dev.osprey.internal.driver.CallFuture;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.Lease;
import dev.osprey.internal.engine.Call;
import dev.osprey.internal.engine.StatementExecutor;
import dev.osprey.internal.query.Projection;
import dev.osprey.internal.query.SelectStatement;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.query.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@link Session}: an {@link IdentityMap}, a {@link Lease} on one connection, and a FIFO of
 * operations. Each operation that touches the database is queued behind the previous one and
 * started when that one has ended, so the operations of many callers run one at a time in call
 * order; none blocks a thread (only {@link #close()} waits). {@code add} and {@code delete} do no
 * I/O and change the identity map at once. Thread-safe.
 */
public final class SessionImpl implements Session {
    private static final Logger LOG = LoggerFactory.getLogger(SessionImpl.class);

    private final Lease lease;
    private final StatementExecutor statements;
    private final SessionOptions options;
    private final IdentityMap map = new IdentityMap();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong savepoints = new AtomicLong();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> tailCall = tail;
    private boolean closed;

    public SessionImpl(Driver driver, StatementExecutor statements, SessionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.statements = statements;
        this.lease = driver.lease(options.isolation(), options.readOnly(), options.statementTimeout());
    }

    // ---------------------------------------------------------------- no I/O

    @Override
    public <E> E add(E entity) {
        Objects.requireNonNull(entity, "entity");
        checkOpen();
        map.add(entity);
        return entity;
    }

    @Override
    public void addAll(Iterable<?> entities) {
        Objects.requireNonNull(entities, "entities");
        for (Object entity : entities) {
            add(entity);
        }
    }

    @Override
    public void delete(Object entity) {
        Objects.requireNonNull(entity, "entity");
        checkOpen();
        map.delete(entity);
    }

    @Override
    public boolean inTransaction() {
        return lease.holdsConnection();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public <E> CompletableFuture<E> get(Class<E> type, Object id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        EntityModel<E> model = EntityModel.of(type);
        var key = new Tracked.Key(type, cast(model.id(), id));
        Call<List<E>> call = statements.byId(model, key.id());
        return enqueue(() -> {
            E known = known(type, key);
            if (known != null || map.find(key) != null) {
                return CompletableFuture.completedFuture(known);
            }
            return Chain.then(autoflush(), flushed -> {
                Tracked after = map.find(key);
                if (after != null) {
                    return CompletableFuture.completedFuture(known(type, key));
                }
                return Chain.map(lease.run(c -> call.work().run(c)),
                        rows -> rows.isEmpty() ? null : type.cast(map.merge(rows.getFirst())));
            });
        });
    }

    /** The session's live instance of {@code key}, or null (also when it is marked for deletion). */
    private <E> E known(Class<E> type, Tracked.Key key) {
        Tracked tracked = map.find(key);
        return tracked == null || tracked.state == Tracked.State.DELETED ? null : type.cast(tracked.entity);
    }

    @SuppressWarnings("unchecked")
    private static <E, T> T cast(Attribute<E, T> attribute, Object value) {
        return (T) dev.osprey.internal.driver.ValueConverter.convert(value, boxed(attribute.javaType()));
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> CompletableFuture<E> refresh(E entity) {
        Objects.requireNonNull(entity, "entity");
        EntityModel<E> model = EntityModel.of((Class<E>) entity.getClass());
        Object id = model.id().get(entity);
        if (id == null) {
            throw new IllegalArgumentException("the " + model.type().getSimpleName() + " has no id: it has no row yet");
        }
        Call<List<E>> call = statements.byId(model, id);
        return enqueue(() -> {
            if (!map.mayHold(entity)) {
                throw new IllegalArgumentException("the session has another instance of this "
                        + model.type().getSimpleName() + " (id " + id + ")");
            }
            return lease.run(c -> call.work().run(c)).thenApply(rows -> {
                if (rows.isEmpty()) {
                    throw new NoResultException("the " + model.type().getSimpleName() + " with id " + id
                            + " has no row any more");
                }
                E fresh = rows.getFirst();
                for (Attribute<E, ?> attribute : model.attributes()) {
                    copy(attribute, fresh, entity);
                }
                map.refreshed(entity);
                return entity;
            });
        });
    }

    private static <E, T> void copy(Attribute<E, T> attribute, E from, E to) {
        attribute.set(to, attribute.get(from));
    }

    @Override
    public <R> CompletableFuture<Result<R>> execute(Query<R> query) {
        return query(query).thenApply(Result::of);
    }

    @Override
    public <R> CompletableFuture<List<R>> scalars(Query<R> query) {
        return query(query);
    }

    @Override
    public <R> CompletableFuture<R> scalar(Query<R> query) {
        return query(query).thenApply(rows -> rows.isEmpty() ? null : rows.getFirst());
    }

    private <R> CompletableFuture<List<R>> query(Query<R> query) {
        Call<List<R>> call = statements.query(query);
        boolean entities = query instanceof SelectStatement<R> select
                && select.projection() instanceof Projection.EntityRow<?>;
        return enqueue(() -> Chain.map(Chain.then(autoflush(), flushed -> lease.run(c -> call.work().run(c))),
                rows -> entities ? merged(rows) : rows));
    }

    @SuppressWarnings("unchecked")
    private <R> List<R> merged(List<R> rows) {
        List<R> out = new ArrayList<>(rows.size());
        for (R row : rows) {
            out.add(row == null ? null : (R) map.merge(row));
        }
        return out;
    }

    @Override
    public CompletableFuture<Long> count(Select<?> select) {
        Call<Long> call = statements.count(select);
        return enqueue(() -> Chain.then(autoflush(), flushed -> lease.run(c -> call.work().run(c))));
    }

    @Override
    public CompletableFuture<Long> execute(Mutation statement) {
        Call<Long> call = statements.mutation(statement);
        return enqueue(() -> Chain.then(autoflush(), flushed -> lease.run(c -> call.work().run(c))));
    }

    @Override
    public <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback) {
        Objects.requireNonNull(callback, "callback");
        return enqueue(() -> Chain.then(autoflush(), flushed -> lease.run(c -> callback.apply(c.jdbc()))));
    }

    // ---------------------------------------------------------------- writing

    @Override
    public CompletableFuture<Void> flush() {
        return enqueue(this::flushNow);
    }

    private CompletableFuture<Void> autoflush() {
        return options.autoflush() ? flushNow() : CompletableFuture.completedFuture(null);
    }

    /**
     * Writes what is pending; run inside a queued operation. On failure what the flush wrote is undone
     * in a call of its own (the failed call may have been cancelled) and the session's pending state is
     * as before.
     */
    private CompletableFuture<Void> flushNow() {
        FlushPlan plan = map.plan();
        if (plan == null) {
            return CompletableFuture.completedFuture(null);
        }
        String savepoint = "osprey_flush_" + savepoints.incrementAndGet();
        return lease.run(c -> {
            plan.write(c, statements, savepoint, false);
            return null;
        }).handle((ignored, error) -> {
            if (error == null) {
                map.flushed(plan);
                return CompletableFuture.<Void>completedFuture(null);
            }
            map.flushFailed(plan);
            return undo(plan, savepoint, unwrap(error));
        }).thenCompose(f -> f);
    }

    /** Undoes what a failed flush left in the transaction, then fails with {@code cause}. */
    private CompletableFuture<Void> undo(FlushPlan plan, String savepoint, Throwable cause) {
        if (!lease.holdsConnection() || plan.undo() == FlushPlan.Undo.NOTHING) {
            return CompletableFuture.failedFuture(cause);
        }
        CompletableFuture<Void> undone = plan.undo() == FlushPlan.Undo.TRANSACTION ? lease.rollback()
                : lease.run(c -> {
                    c.rollbackToSavepoint(savepoint);
                    c.releaseSavepoint(savepoint);
                    return null;
                });
        return undone.handle((v, undoError) -> {
            if (undoError != null) {
                cause.addSuppressed(unwrap(undoError));
            }
            throw new CompletionException(cause);
        });
    }

    /**
     * Flushes and commits in one lease call: with nothing begun yet, a flush of one statement runs
     * alone in autocommit mode (one round trip, no BEGIN or COMMIT).
     */
    @Override
    public CompletableFuture<Void> commit() {
        return enqueue(() -> {
            FlushPlan plan = map.plan();
            if (plan == null) {
                return lease.commit().handle((v, error) -> {
                    if (error != null) {
                        map.rolledBack();   // a failed commit rolled the transaction back
                        throw new CompletionException(unwrap(error));
                    }
                    map.committed();
                    return null;
                });
            }
            String savepoint = "osprey_flush_" + savepoints.incrementAndGet();
            return lease.commit(c -> {
                plan.write(c, statements, savepoint, true);
                return null;
            }).handle((v, error) -> {
                if (error == null) {
                    map.flushed(plan);
                    map.committed();
                    return CompletableFuture.<Void>completedFuture(null);
                }
                Throwable cause = unwrap(error);
                if (plan.written()) {   // the commit failed and rolled the transaction back
                    map.flushed(plan);
                    map.rolledBack();
                    return CompletableFuture.<Void>failedFuture(cause);
                }
                map.flushFailed(plan);
                return undo(plan, savepoint, cause);
            }).thenCompose(f -> f);
        });
    }

    @Override
    public CompletableFuture<Void> rollback() {
        return enqueue(this::rollbackNow);
    }

    private CompletableFuture<Void> rollbackNow() {
        return lease.rollback().handle((v, error) -> {
            map.rolledBack();
            if (error != null) {
                throw new CompletionException(unwrap(error));
            }
            return null;
        });
    }

    @Override
    public <T> CompletableFuture<T> savepoint(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        String name = "osprey_sp_" + savepoints.incrementAndGet();
        IdentityMap.Mark[] mark = new IdentityMap.Mark[1];
        CompletableFuture<Void> begun = enqueue(() -> autoflush().thenCompose(flushed -> {
            mark[0] = map.mark();
            return lease.run(c -> {
                c.savepoint(name);
                return null;
            });
        }));
        return begun.thenCompose(started -> {
            CompletableFuture<T> inner;
            try {
                inner = Objects.requireNonNull(work.run(this), "the savepoint's work gave no future");
            } catch (RuntimeException e) {
                inner = CompletableFuture.failedFuture(e);
            }
            return inner.handle((result, error) -> enqueue(() -> {
                if (error == null) {
                    return lease.run(c -> {
                        c.releaseSavepoint(name);
                        return result;
                    });
                }
                Throwable cause = unwrap(error);
                return lease.run(c -> {
                    c.rollbackToSavepoint(name);
                    c.releaseSavepoint(name);
                    return null;
                }).handle((v, undoError) -> {
                    map.restore(mark[0]);
                    if (undoError != null) {
                        cause.addSuppressed(unwrap(undoError));
                    }
                    throw new CompletionException(cause);
                });
            })).thenCompose(f -> f);
        });
    }

    // ---------------------------------------------------------------- the FIFO

    /**
     * Queues {@code step} behind the operation before it. The step starts when that one has ended and
     * gives a future of its own; cancelling the returned future cancels that future (and so the
     * statement it runs), or the step itself if it has not started yet.
     */
    private <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> step) {
        var result = new CallFuture<T>();
        var done = new CompletableFuture<Void>();
        CompletableFuture<Void> previous;
        lock.lock();
        try {
            checkOpenLocked();
            previous = tail;
            tail = done;
            result.waitsOn(tailCall);   // a thread waiting for this operation helps the one before first
            tailCall = result;
        } finally {
            lock.unlock();
        }
        if (previous.isDone()) {
            start(step, result, done);   // the session is idle: no stage to wait on it
        } else {
            previous.whenComplete((ignored, unused) -> start(step, result, done));
        }
        return result;
    }

    /** Starts a queued operation's step once the one before has ended; {@code done} lets the next one go. */
    private static <T> void start(Supplier<CompletableFuture<T>> step, CallFuture<T> result,
                                  CompletableFuture<Void> done) {
        if (result.isDone()) {
            done.complete(null);   // cancelled while it waited
            return;
        }
        CompletableFuture<T> running;
        try {
            running = step.get();
        } catch (Throwable t) {
            done.complete(null);
            result.completeExceptionally(t);
            return;
        }
        result.waitsOn(running);
        if (!running.isDone()) {
            result.whenComplete((v, e) -> {
                if (result.isCancelled()) {
                    running.cancel(true);
                }
            });
        }
        running.whenComplete((value, error) -> {
            done.complete(null);
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(unwrap(error));
            }
        });
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void checkOpen() {
        lock.lock();
        try {
            checkOpenLocked();
        } finally {
            lock.unlock();
        }
    }

    private void checkOpenLocked() {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        CompletableFuture<Void> ended = closeAsync();
        try {
            ended.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            LOG.warn("rolling back a closed session failed; its connection was given back", e);
        }
    }

    /** {@link #close()} without waiting: ends when the queued operations have ended and the transaction is rolled back. */
    public CompletableFuture<Void> closeAsync() {
        CallFuture<Void> last;
        lock.lock();
        try {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            closed = true;
            last = tail.isDone() && !lease.holdsConnection() ? null : waitForTail();
        } finally {
            lock.unlock();
        }
        if (last == null) {   // idle with nothing begun (after a commit, say): nothing to wait for or end
            map.closed();
            return CompletableFuture.completedFuture(null);
        }
        return last.thenCompose(v -> {
            if (!lease.holdsConnection()) {
                map.closed();
                return CompletableFuture.<Void>completedFuture(null);
            }
            return rollbackNow();
        });
    }

    /** A future that ends when the last queued operation has ended (with the lock held). */
    private CallFuture<Void> waitForTail() {
        var last = new CallFuture<Void>();
        last.waitsOn(tailCall);
        tail.whenComplete((v, e) -> last.complete(null));
        return last;
    }

    @Override
    public String toString() {
        return "Session[" + (inTransaction() ? "in transaction" : "idle") + "]";
    }
}
