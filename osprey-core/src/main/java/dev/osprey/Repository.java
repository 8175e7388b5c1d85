package dev.osprey;

import dev.osprey.internal.query.ColumnLookup;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Assignment;
import dev.osprey.query.Column;
import dev.osprey.query.Expression;
import dev.osprey.query.Order;
import dev.osprey.query.Predicate;
import dev.osprey.query.Select;
import dev.osprey.query.Sql;
import dev.osprey.query.Update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import static dev.osprey.query.Sql.select;

/**
 * The everyday operations on one entity type (create, read, page, update, delete, count), written
 * once on top of a {@link Session} and the typed statements of {@link dev.osprey.query.Sql}, like
 * the CRUD base class of a FastAPI service. Each method takes the session to work in and never
 * commits: the caller decides where the transaction ends.
 *
 * <pre>{@code
 * static final Repository<User, Long> USERS = Repository.of(User.class);
 *
 * try (Session s = db.session()) {
 *     User ada = USERS.create(s, new User("Ada")).join();               // INSERT (flush); ada's id is set
 *     Page<User> first = USERS.page(s, 1, 20, User_.NAME.asc()).join(); // 20 users and the total
 *     USERS.update(s, ada, Map.of("name", "Ada L.")).join();            // from a JSON patch, say
 *     USERS.deleteWhere(s, User_.VISITS.eq(0)).join();                  // rows deleted
 *     s.commit().join();
 * }
 * db.transaction(s -> USERS.get(s, 7L).thenCompose(u -> USERS.delete(s, u)));
 * }</pre>
 *
 * <p>Mistakes that need no database (an unknown field, a value of the wrong type, page 0, a delete
 * without conditions) throw {@link IllegalArgumentException} at once; database errors fail the
 * returned future as they do for the session itself.
 *
 * <p>A repository holds only the entity's metamodel: it is immutable and thread-safe, so one per
 * entity type can be kept in a constant.
 *
 * @param <T>  the entity
 * @param <ID> the type of its id
 */
public final class Repository<T, ID> {
    private final EntityModel<T> model;
    private final Column<T, ID> id;

    private Repository(EntityModel<T> model, Column<T, ID> id) {
        this.model = model;
        this.id = id;
    }

    /**
     * The repository of {@code type}, an entity with a generated metamodel. The id type is taken on
     * trust from the declaration ({@code Repository<User, Long> users = Repository.of(User.class)});
     * {@link #of(Class, Class)} checks it.
     *
     * @throws IllegalArgumentException if {@code type} has no generated metamodel
     */
    @SuppressWarnings("unchecked")
    public static <T, ID> Repository<T, ID> of(Class<T> type) {
        EntityModel<T> model = EntityModel.of(type);
        return new Repository<>(model, (Column<T, ID>) Column.of(model, model.id()));
    }

    /**
     * The repository of {@code type}, checking that its id is an {@code idType} ({@code Long.class} for a
     * {@code long} id).
     *
     * @throws IllegalArgumentException if {@code type} has no generated metamodel or another id type
     */
    public static <T, ID> Repository<T, ID> of(Class<T> type, Class<ID> idType) {
        Objects.requireNonNull(idType, "idType");
        Repository<T, ID> repository = of(type);
        Class<?> actual = repository.model.id().javaType();
        if (!actual.equals(idType)) {
            throw new IllegalArgumentException("the id '" + repository.model.id().property() + "' of "
                    + type.getSimpleName() + " is a " + actual.getName() + ", not a " + idType.getName());
        }
        return repository;
    }

    /** The entity's metamodel. */
    public EntityModel<T> model() {
        return model;
    }

    // ------------------------------------------------------------------ create

    /** Adds {@code entity} to the session and flushes: the future gives it back with its generated id set. */
    public CompletableFuture<T> create(Session session, T entity) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(entity, "entity");
        session.add(entity);
        return session.flush().thenApply(done -> entity);
    }

    /** {@link #create} for several entities in one flush (inserts batched); gives them back in the same order. */
    public CompletableFuture<List<T>> createAll(Session session, List<T> entities) {
        Objects.requireNonNull(session, "session");
        List<T> all = List.copyOf(Objects.requireNonNull(entities, "entities"));
        session.addAll(all);
        return session.flush().thenApply(done -> all);
    }

    // ------------------------------------------------------------------ read

    /** The entity with this id, from the session's identity map or loaded; {@code null} if there is none. */
    public CompletableFuture<T> get(Session session, ID id) {
        Objects.requireNonNull(session, "session");
        return session.get(model.type(), Objects.requireNonNull(id, "id"));
    }

    /** The entities that meet every condition (all of them without conditions), in id order. */
    public CompletableFuture<List<T>> find(Session session, Predicate... where) {
        Objects.requireNonNull(session, "session");
        return session.scalars(select(model.type()).where(where).orderBy(id.asc()));
    }

    /**
     * Page {@code page} (counted from 1) of {@code size} entities in the given order, with the total
     * number of entities ({@link Session#count}). The id breaks ties (and is the order when none is
     * given), so pages neither overlap nor skip rows. A page past the end has no items.
     *
     * @throws IllegalArgumentException if {@code page < 1} or {@code size < 1}
     */
    public CompletableFuture<Page<T>> page(Session session, int page, int size, Order... order) {
        Objects.requireNonNull(session, "session");
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("pages count from 1 and hold at least one row, so page " + page
                    + " of size " + size + " does not exist");
        }
        Select<T> all = select(model.type());
        Select<T> rows = all.orderBy(order);
        if (Arrays.stream(order).noneMatch(o -> o.expression().equals(id))) {
            rows = rows.orderBy(id.asc());
        }
        Select<T> pageRows = rows.page(page, size);
        return session.count(all).thenCompose(total -> session.scalars(pageRows)
                .thenApply(items -> new Page<>(items, total, page, size)));
    }

    /** How many entities meet every condition (all of them without conditions). */
    public CompletableFuture<Long> count(Session session, Predicate... where) {
        Objects.requireNonNull(session, "session");
        return session.count(select(model.type()).where(where));
    }

    /** Whether a row with this id exists (pending changes are flushed first); loads no entity. */
    public CompletableFuture<Boolean> exists(Session session, ID id) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
        return session.scalar(select(this.id).where(this.id.eq(id)).limit(1)).thenApply(Objects::nonNull);
    }

    // ------------------------------------------------------------------ update

    /**
     * Sets fields of {@code entity}, an entity of this session, by field (or column) name, for
     * instance from a JSON patch, then flushes: the update writes the changed columns. Values are
     * converted to the field's type as in {@code update(...).set(Map)} (an {@code Integer} for a
     * {@code Long} field, an ISO string for an {@code Instant}). Every change is checked before any
     * field is set. If the flush fails, the fields keep their new values (roll back, or
     * {@link Session#refresh} the entity).
     *
     * @throws IllegalArgumentException naming the field and the entity for an unknown field, a value that
     *                                  cannot be converted, a null for a NOT NULL field, the id or the
     *                                  version; or if the entity is a record (immutable: use {@link #updateWhere})
     */
    public CompletableFuture<T> update(Session session, T entity, Map<String, ?> changes) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(changes, "changes");
        String name = model.type().getSimpleName();
        if (model.isRecord()) {
            throw new IllegalArgumentException(name + " is a record, which cannot be changed in place; use updateWhere");
        }
        List<Runnable> writes = new ArrayList<>();
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            writes.add(write(ColumnLookup.column(model, change.getKey()), entity, change.getValue()));
        }
        writes.forEach(Runnable::run);
        return session.flush().thenApply(done -> entity);
    }

    /** Checks one change and gives the write that applies it. */
    private <V> Runnable write(Column<T, V> column, T entity, Object value) {
        Attribute<T, V> attribute = column.attribute();
        String field = "field '" + attribute.property() + "' of " + model.type().getSimpleName();
        if (attribute.isId()) {
            throw new IllegalArgumentException(field + " is its id, which cannot be changed");
        }
        if (attribute.isVersion()) {
            throw new IllegalArgumentException(field + " is its @Version, which only the flush changes");
        }
        if (value == null && !attribute.isNullable()) {
            throw new IllegalArgumentException(field + " cannot be null");
        }
        V converted = value == null ? null : ColumnLookup.value(column, value);
        return () -> attribute.set(entity, converted);
    }

    /**
     * Sets columns by field (or column) name in every row that meets all conditions, in one
     * UPDATE, and gives the number of rows changed. Entities of the session are not refreshed.
     *
     * @throws IllegalArgumentException without changes or conditions (use
     *                                  {@code update(T.class).set(...).all()} to change every row), or
     *                                  for an unknown name or an unconvertible value
     */
    public CompletableFuture<Long> updateWhere(Session session, Map<String, ?> set, Predicate... where) {
        Objects.requireNonNull(session, "session");
        if (Objects.requireNonNull(set, "set").isEmpty()) {
            throw new IllegalArgumentException("updateWhere of " + model.type().getSimpleName() + " needs at least one change");
        }
        requireConditions("updateWhere", where);
        return session.execute(Sql.update(model.type()).set(set).where(where));
    }

    /**
     * {@link #updateWhere(Session, Map, Predicate...)} with typed assignments, values or database
     * expressions: {@code updateWhere(s, List.of(set(User_.VISITS, User_.VISITS.plus(1))), User_.ID.eq(id))}.
     */
    public CompletableFuture<Long> updateWhere(Session session, List<Assignment<T>> set, Predicate... where) {
        Objects.requireNonNull(session, "session");
        if (Objects.requireNonNull(set, "set").isEmpty()) {
            throw new IllegalArgumentException("updateWhere of " + model.type().getSimpleName() + " needs at least one change");
        }
        requireConditions("updateWhere", where);
        Update<T> update = Sql.update(model.type());
        for (Assignment<T> assignment : set) {
            update = assign(update, Objects.requireNonNull(assignment, "an assignment is null"));
        }
        return session.execute(update.where(where));
    }

    @SuppressWarnings("unchecked")
    private static <E, V> Update<E> assign(Update<E> update, Assignment<E> assignment) {
        // Sql.set typed the pair when it made the assignment.
        return update.set((Column<E, V>) assignment.column(), (Expression<V>) assignment.value());
    }

    // ------------------------------------------------------------------ delete

    /** Marks {@code entity}, an entity of this session, for deletion and flushes: its row is gone when the future completes. */
    public CompletableFuture<Void> delete(Session session, T entity) {
        Objects.requireNonNull(session, "session");
        session.delete(Objects.requireNonNull(entity, "entity"));
        return session.flush();
    }

    /**
     * Deletes every row that meets all conditions in one DELETE and gives the number of rows deleted.
     * Entities of the session are not detached.
     *
     * @throws IllegalArgumentException without conditions: use {@code delete(T.class).all()} to delete every row
     */
    public CompletableFuture<Long> deleteWhere(Session session, Predicate... where) {
        Objects.requireNonNull(session, "session");
        requireConditions("deleteWhere", where);
        return session.execute(Sql.delete(model.type()).where(where));
    }

    private void requireConditions(String method, Predicate[] where) {
        if (where == null || where.length == 0) {
            throw new IllegalArgumentException(method + " of " + model.type().getSimpleName() + " needs at least one "
                    + "condition; to touch every row, run a statement with .all()");
        }
    }

    @Override
    public String toString() {
        return "Repository[" + model.type().getSimpleName() + "]";
    }
}
