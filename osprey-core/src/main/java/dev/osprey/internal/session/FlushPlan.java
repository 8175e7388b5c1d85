package dev.osprey.internal.session;

import dev.osprey.StaleObjectException;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.Lease.LeasedConnection;
import dev.osprey.internal.engine.Call;
import dev.osprey.internal.engine.StatementExecutor;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Column;
import dev.osprey.query.Delete;
import dev.osprey.query.Predicate;
import dev.osprey.query.Sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flush: the inserts, updates and deletes it writes, with every value taken when the plan was
 * made (under the identity map's lock), and the blocking work that writes them in order: inserts
 * per table with referenced tables first (multi-row, ids set on the entities), then an UPDATE of
 * only the changed columns per entity (checking and bumping its version), then deletes with
 * referring tables first. Made and run by one session operation at a time; not thread-safe.
 */
final class FlushPlan {
    final List<Insert> inserts = new ArrayList<>();
    final List<Change> updates = new ArrayList<>();
    final List<Tracked> deletes = new ArrayList<>();

    /** A pending entity: whether its generated id was unset, and its field values when planned. */
    record Insert(Tracked tracked, boolean idUnset, Object[] values) {
    }

    /**
     * A changed entity: the changed attributes, its field values when planned (with the new version),
     * and the version attribute with the old and new values (null when it has none).
     */
    record Change(Tracked tracked, List<Attribute<Object, ?>> changed, Object[] now, Attribute<Object, Object> version,
                  Object oldVersion, Object newVersion) {
    }

    boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    @SuppressWarnings("unchecked")
    void insert(Tracked tracked) {
        EntityModel<Object> model = tracked.model;
        var version = (Attribute<Object, Object>) model.version();
        if (version != null && version.get(tracked.entity) == null && !model.isRecord()) {
            version.set(tracked.entity, Tracked.zero(version.javaType()));
        }
        boolean unset = model.id().isGenerated() && Tracked.isUnset(model.id(), tracked.id());
        inserts.add(new Insert(tracked, unset, model.snapshot(tracked.entity)));
    }

    @SuppressWarnings("unchecked")
    void updateIfChanged(Tracked tracked) {
        EntityModel<Object> model = tracked.model;
        var version = (Attribute<Object, Object>) model.version();
        List<Attribute<Object, ?>> changed = new ArrayList<>();
        for (Attribute<Object, ?> attribute : model.changed(tracked.snapshot, tracked.entity)) {
            if (attribute != version && !attribute.isId()) {
                changed.add(attribute);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Object[] now = model.snapshot(tracked.entity);
        Object oldVersion = null;
        Object newVersion = null;
        if (version != null) {
            int index = model.attributes().indexOf(version);
            oldVersion = tracked.snapshot[index];
            newVersion = next(oldVersion);
            now[index] = newVersion;
        }
        updates.add(new Change(tracked, changed, now, version, oldVersion, newVersion));
    }

    void delete(Tracked tracked) {
        deletes.add(tracked);
    }

    private static Object next(Object version) {
        return switch (version) {
            case Integer i -> i + 1;
            case Long l -> l + 1;
            case Short s -> (short) (s + 1);
            case null -> throw new IllegalStateException("a @Version column is NULL");
            default -> throw new IllegalStateException("a @Version field must be an integer, not "
                    + version.getClass().getName());
        };
    }

    // ---------------------------------------------------------------- writing

    /** How a flush that failed part-way is undone. */
    enum Undo {
        /** Nothing was left: one statement undoes itself, or the lease ended what the flush began. */
        NOTHING,
        /** Roll back to the flush's savepoint. */
        SAVEPOINT,
        /** Roll back the whole transaction: the flush was the first work in it, so nothing else is lost. */
        TRANSACTION
    }

    private Undo undo = Undo.NOTHING;
    private boolean written;

    /** How to undo this flush if {@link #write} failed; read after it returned. */
    Undo undo() {
        return undo;
    }

    /** Whether every statement of {@link #write} succeeded (a failure after it was the commit's). */
    boolean written() {
        return written;
    }

    /**
     * Writes the plan on {@code connection}. A savepoint ({@code savepoint}) guards it only where a
     * failure could otherwise leave part of it written or the transaction unusable: not for a single
     * statement where a failed statement undoes itself (MariaDB, SQLite), not when the flush is the
     * first work of its transaction, and not at commit when the transaction has only read so far
     * (rolling it back loses nothing written, and the commit was to end it anyway). At commit the
     * savepoint is not released: the commit ends it.
     */
    void write(LeasedConnection connection, StatementExecutor statements, String savepoint, boolean atCommit)
            throws java.sql.SQLException {
        List<Step> steps = steps(statements);
        int count = 0;
        for (Step step : steps) {
            count += step.call().mode() == Driver.Mode.TRANSACTION ? 2 : 1;
        }
        boolean single = count == 1;
        if (!connection.inTransaction()) {
            if (!single) {
                connection.begin();
            }
            undo = Undo.NOTHING;
        } else if (single && !connection.dialect().failedStatementAbortsTransaction()) {
            undo = Undo.NOTHING;
        } else if (connection.fresh() || (atCommit && !connection.changedAnything())) {
            undo = Undo.TRANSACTION;
        } else {
            undo = Undo.SAVEPOINT;
            connection.savepoint(savepoint);
        }
        for (Step step : steps) {
            long rows = step.call().work().run(connection);
            if (rows == 0 && step.stale() != null) {
                throw step.stale().get();
            }
        }
        if (undo == Undo.SAVEPOINT && !atCommit) {
            connection.releaseSavepoint(savepoint);
        }
        written = true;
    }

    /** One statement of the flush, and the error to raise if it touched no row (null: none). */
    private record Step(Call<Long> call, java.util.function.Supplier<StaleObjectException> stale) {
    }

    private List<Step> steps(StatementExecutor statements) {
        List<Step> steps = new ArrayList<>(updates.size() + deletes.size() + (inserts.isEmpty() ? 0 : 2));
        if (!inserts.isEmpty()) {
            Map<Class<?>, List<Object>> byType = new LinkedHashMap<>();
            for (Insert insert : inserts) {
                byType.computeIfAbsent(insert.tracked().entity.getClass(), t -> new ArrayList<>())
                        .add(insert.tracked().entity);
            }
            for (Class<?> type : referencedFirst(byType.keySet())) {
                steps.add(new Step(statements.mutation(Sql.insert(type).values(byType.get(type))), null));
            }
        }
        for (Change change : updates) {
            steps.add(new Step(update(statements, change), () -> stale("update", change.tracked(), change.oldVersion())));
        }
        if (!deletes.isEmpty()) {
            deleteSteps(statements, steps);
        }
        return steps;
    }

    /** The deletes, referring tables first. */
    private void deleteSteps(StatementExecutor statements, List<Step> steps) {
        Map<Class<?>, List<Tracked>> deletesByType = new LinkedHashMap<>();
        for (Tracked tracked : deletes) {
            deletesByType.computeIfAbsent(tracked.entity.getClass(), t -> new ArrayList<>()).add(tracked);
        }
        List<Class<?>> deleteOrder = new ArrayList<>(referencedFirst(deletesByType.keySet()));
        java.util.Collections.reverse(deleteOrder);
        for (Class<?> type : deleteOrder) {
            for (Tracked tracked : deletesByType.get(type)) {
                @SuppressWarnings("unchecked")
                var version = (Attribute<Object, Object>) tracked.model.version();
                Object oldVersion = version == null ? null
                        : tracked.snapshot[tracked.model.attributes().indexOf(version)];
                steps.add(new Step(statements.mutation(delete(tracked, version, oldVersion)),
                        version == null ? null : () -> stale("delete", tracked, oldVersion)));
            }
        }
    }

    private static StaleObjectException stale(String what, Tracked tracked, Object version) {
        return new StaleObjectException("cannot " + what + " " + tracked.model.type().getSimpleName() + " with id "
                + tracked.key.id() + (version == null ? "" : " at version " + version)
                + ": its row was changed or deleted by someone else since it was read; nothing of this flush was written");
    }

    private static Call<Long> update(StatementExecutor statements, Change change) {
        EntityModel<Object> model = change.tracked().model;
        List<Object> values = new ArrayList<>(change.changed().size());
        for (Attribute<Object, ?> attribute : change.changed()) {
            values.add(change.now()[model.attributes().indexOf(attribute)]);
        }
        return statements.updateRow(model, change.changed(), values, change.tracked().key.id(), change.version(),
                change.oldVersion(), change.newVersion());
    }

    private static Delete<Object> delete(Tracked tracked, Attribute<Object, Object> version, Object oldVersion) {
        EntityModel<Object> model = tracked.model;
        List<Predicate> where = new ArrayList<>(2);
        where.add(eq(model, model.id(), tracked.key.id()));
        if (version != null) {
            where.add(eq(model, version, oldVersion));
        }
        return Sql.delete(model.type()).where(where.toArray(Predicate[]::new));
    }

    @SuppressWarnings("unchecked")
    private static <T> Predicate eq(EntityModel<Object> model, Attribute<Object, T> attribute, Object value) {
        return Column.of(model, attribute).eq((T) value);
    }

    /** {@code types} with every type after the types it references (self-references and cycles aside). */
    static List<Class<?>> referencedFirst(Set<Class<?>> types) {
        List<Class<?>> order = new ArrayList<>(types.size());
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> type : types) {
            visit(type, types, seen, order);
        }
        return order;
    }

    private static void visit(Class<?> type, Set<Class<?>> types, Set<Class<?>> seen, List<Class<?>> order) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> referenced : EntityModel.of(type).references()) {
            if (referenced != type && types.contains(referenced)) {
                visit(referenced, types, seen, order);
            }
        }
        order.add(type);
    }
}
