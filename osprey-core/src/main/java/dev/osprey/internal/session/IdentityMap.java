package dev.osprey.internal.session;

import dev.osprey.internal.session.Tracked.Key;
import dev.osprey.internal.session.Tracked.State;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session's entities: one instance per row (keyed by entity class and id), the pending inserts in
 * the order they were added, and the rows deleted in the current transaction (which a rollback brings
 * back). Every method takes the lock for its own short, I/O-free work, so {@code add} and
 * {@code delete} may run on callers' threads while the session's queued operations run elsewhere.
 * Thread-safe.
 */
final class IdentityMap {
    private static final int FEW = 4;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, Tracked> byKey = new HashMap<>();
    /** Sized for the few entities most sessions hold (a request's unit of work); it grows as needed. */
    private final Map<Object, Tracked> byEntity = new IdentityHashMap<>(FEW);
    private final List<Tracked> pending = new ArrayList<>();
    private final List<Tracked> flushedDeletes = new ArrayList<>();

    static Key key(Object entity) {
        return new Key(entity.getClass(), EntityModel.of(entity.getClass()).id().get(cast(entity)));
    }

    @SuppressWarnings("unchecked")
    private static <E> E cast(Object entity) {
        return (E) entity;
    }

    // ---------------------------------------------------------------- user calls (no I/O)

    void add(Object entity) {
        EntityModel.of(entity.getClass());   // fails clearly for a class without a metamodel
        lock.lock();
        try {
            Tracked known = byEntity.get(entity);
            if (known != null) {
                if (known.state == State.DELETED) {
                    known.state = State.PERSISTENT;   // deleted, then added again: keep it
                }
                return;
            }
            var tracked = new Tracked(entity, State.PENDING);
            Object id = tracked.id();
            Attribute<Object, ?> idAttribute = tracked.model.id();
            if (!(idAttribute.isGenerated() && Tracked.isUnset(idAttribute, id))) {
                Tracked other = byKey.get(new Key(entity.getClass(), id));
                if (other != null) {
                    throw new IllegalArgumentException("the session already has another " + entity.getClass()
                            .getSimpleName() + " with id " + id);
                }
            }
            byEntity.put(entity, tracked);
            pending.add(tracked);
        } finally {
            lock.unlock();
        }
    }

    void delete(Object entity) {
        lock.lock();
        try {
            Tracked tracked = byEntity.get(entity);
            if (tracked == null) {
                throw new IllegalArgumentException("the " + entity.getClass().getSimpleName()
                        + " is not in this session: add it or load it with this session first");
            }
            if (tracked.state == State.PENDING) {
                pending.remove(tracked);
                byEntity.remove(entity);
            } else {
                tracked.state = State.DELETED;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- loading

    /** The tracked entity of {@code key}, or null. */
    Tracked find(Key key) {
        lock.lock();
        try {
            return byKey.get(key);
        } finally {
            lock.unlock();
        }
    }

    /** The session's instance for a row just read: the one it has already, else {@code loaded}, now kept. */
    Object merge(Object loaded) {
        Key key = key(loaded);
        lock.lock();
        try {
            Tracked known = byKey.get(key);
            if (known != null) {
                return known.entity;
            }
            var tracked = new Tracked(loaded, State.PERSISTENT);
            tracked.key = key;
            tracked.snapshot = tracked.model.snapshot(loaded);
            tracked.committed = tracked.snapshot;
            byKey.put(key, tracked);
            byEntity.put(loaded, tracked);
            return loaded;
        } finally {
            lock.unlock();
        }
    }

    /** {@code entity}'s fields were overwritten from its row: that is now its clean state. */
    void refreshed(Object entity) {
        lock.lock();
        try {
            Tracked tracked = byEntity.get(entity);
            if (tracked == null) {
                merge(entity);
                return;
            }
            tracked.snapshot = tracked.model.snapshot(entity);
            if (tracked.state == State.DELETED) {
                tracked.state = State.PERSISTENT;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code entity} is the session's own instance, or no other instance has its key. */
    boolean mayHold(Object entity) {
        lock.lock();
        try {
            Tracked other = byKey.get(key(entity));
            return other == null || other.entity == entity;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- flushing

    /** What a flush is to write now; null when nothing is to be written. */
    FlushPlan plan() {
        lock.lock();
        try {
            var plan = new FlushPlan();
            for (Tracked tracked : pending) {
                plan.insert(tracked);
            }
            for (Tracked tracked : byEntity.values()) {
                if (tracked.state == State.PERSISTENT && !tracked.model.isRecord()) {
                    plan.updateIfChanged(tracked);
                } else if (tracked.state == State.DELETED) {
                    plan.delete(tracked);
                }
            }
            return plan.isEmpty() ? null : plan;
        } finally {
            lock.unlock();
        }
    }

    /** The plan was written: the inserted rows are persistent, updated ones clean, deleted ones gone. */
    void flushed(FlushPlan plan) {
        lock.lock();
        try {
            for (FlushPlan.Insert insert : plan.inserts) {
                Tracked tracked = insert.tracked();
                pending.remove(tracked);
                if (byEntity.get(tracked.entity) != tracked) {
                    continue;   // deleted while the flush ran; it is in the database until the next flush
                }
                tracked.generatedId = insert.idUnset();
                tracked.key = key(tracked.entity);
                tracked.snapshot = insert.values();
                tracked.snapshot[tracked.model.attributes().indexOf(tracked.model.id())] = tracked.id();
                tracked.state = State.PERSISTENT;
                byKey.put(tracked.key, tracked);
            }
            for (FlushPlan.Change change : plan.updates) {
                change.tracked().snapshot = change.now();
                if (change.version() != null) {
                    Tracked.setRaw(change.version(), change.tracked().entity, change.newVersion());
                }
            }
            for (Tracked tracked : plan.deletes) {
                byKey.remove(tracked.key);
                byEntity.remove(tracked.entity);
                if (tracked.committed != null) {
                    flushedDeletes.add(tracked);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The plan's flush failed and was rolled back: ids it set are unset again. */
    void flushFailed(FlushPlan plan) {
        lock.lock();
        try {
            for (FlushPlan.Insert insert : plan.inserts) {
                if (insert.idUnset()) {
                    insert.tracked().generatedId = true;
                    insert.tracked().resetGeneratedId();
                    insert.tracked().generatedId = false;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- transactions

    /** The transaction committed: what it wrote is now the committed state. */
    void committed() {
        lock.lock();
        try {
            for (Tracked tracked : byEntity.values()) {
                if (tracked.state != State.PENDING) {
                    tracked.committed = tracked.snapshot;
                    tracked.generatedId = false;
                }
            }
            flushedDeletes.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The transaction rolled back: pending changes are dropped, entities inserted in it forgotten (their
     * generated ids unset), deleted ones back, and every other entity's fields set to its committed row.
     */
    void rolledBack() {
        lock.lock();
        try {
            List<Tracked> all = new ArrayList<>(byEntity.values());
            all.addAll(flushedDeletes);
            clear();
            for (Tracked tracked : all) {
                if (rollBack(tracked)) {
                    byKey.put(tracked.key, tracked);
                    byEntity.put(tracked.entity, tracked);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The session closed: the entities are left as {@link #rolledBack()} leaves them, and the map holds
     * none of them any more (nobody reads it after the close, so it is not filled again).
     */
    void closed() {
        lock.lock();
        try {
            for (Tracked tracked : byEntity.values()) {
                rollBack(tracked);
            }
            for (Tracked tracked : flushedDeletes) {
                rollBack(tracked);
            }
            clear();
        } finally {
            lock.unlock();
        }
    }

    /** Sets {@code tracked}'s entity back to its committed row; false if it has none (inserted in the transaction). */
    private static boolean rollBack(Tracked tracked) {
        if (tracked.committed == null) {
            if (tracked.state != State.PENDING) {
                tracked.resetGeneratedId();
            }
            return false;
        }
        tracked.state = State.PERSISTENT;
        tracked.snapshot = tracked.committed;
        tracked.restoreFields(tracked.committed);
        return true;
    }

    private void clear() {
        byKey.clear();
        byEntity.clear();
        pending.clear();
        flushedDeletes.clear();
    }

    /** The session's state now, for a savepoint to return to. */
    Mark mark() {
        lock.lock();
        try {
            List<Tracked> copies = new ArrayList<>(byEntity.size());
            List<Object[]> fields = new ArrayList<>(byEntity.size());
            for (Tracked tracked : byEntity.values()) {
                copies.add(tracked.copy());
                fields.add(tracked.model.snapshot(tracked.entity));
            }
            List<Object> pendingEntities = new ArrayList<>();
            for (Tracked tracked : pending) {
                pendingEntities.add(tracked.entity);
            }
            return new Mark(copies, fields, pendingEntities, new ArrayList<>(flushedDeletes));
        } finally {
            lock.unlock();
        }
    }

    /** Returns to {@code mark}: entities inserted since are forgotten (generated ids unset), the rest as they were. */
    void restore(Mark mark) {
        lock.lock();
        try {
            Map<Object, Tracked> before = new IdentityHashMap<>();
            for (Tracked tracked : mark.tracked()) {
                before.put(tracked.entity, tracked);
            }
            for (Tracked tracked : byEntity.values()) {
                if (!before.containsKey(tracked.entity) && tracked.state != State.PENDING) {
                    tracked.resetGeneratedId();
                }
            }
            byKey.clear();
            byEntity.clear();
            pending.clear();
            flushedDeletes.clear();
            flushedDeletes.addAll(mark.flushedDeletes());
            for (int i = 0; i < mark.tracked().size(); i++) {
                Tracked tracked = mark.tracked().get(i);
                tracked.restoreFields(mark.fields().get(i));
                byEntity.put(tracked.entity, tracked);
                if (tracked.state != State.PENDING) {
                    byKey.put(tracked.key, tracked);
                }
            }
            for (Object entity : mark.pending()) {
                pending.add(byEntity.get(entity));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The session's state at a savepoint. */
    record Mark(List<Tracked> tracked, List<Object[]> fields, List<Object> pending, List<Tracked> flushedDeletes) {
    }
}
