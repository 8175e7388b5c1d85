package dev.osprey.internal.session;

import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;

/**
 * What a session knows of one entity: its state, the values its row has in the session's
 * transaction ({@link #snapshot}, for change tracking) and outside it ({@link #committed}, what a
 * rollback restores). Mutable; guarded by the {@link IdentityMap}'s lock.
 */
final class Tracked {
    enum State { PENDING, PERSISTENT, DELETED }

    final Object entity;
    final EntityModel<Object> model;
    State state;
    /** The identity-map key once the row exists (or was loaded). */
    Key key;
    /** The field values last written or read in this transaction; null while pending. */
    Object[] snapshot;
    /** The field values of the committed row; null when the row was inserted in this transaction. */
    Object[] committed;
    /** Whether the database generated the id (so a rollback of the insert resets it). */
    boolean generatedId;

    @SuppressWarnings("unchecked")
    Tracked(Object entity, State state) {
        this.entity = entity;
        this.model = (EntityModel<Object>) EntityModel.of(entity.getClass());
        this.state = state;
    }

    Object id() {
        return model.id().get(entity);
    }

    /** A copy holding the same entity, for a savepoint's mark. */
    Tracked copy() {
        var copy = new Tracked(entity, model, state);
        copy.key = key;
        copy.snapshot = snapshot;
        copy.committed = committed;
        copy.generatedId = generatedId;
        return copy;
    }

    private Tracked(Object entity, EntityModel<Object> model, State state) {
        this.entity = entity;
        this.model = model;
        this.state = state;
    }

    /** Sets the entity's fields to {@code values} (in attribute order); records cannot change and are left alone. */
    void restoreFields(Object[] values) {
        if (model.isRecord() || values == null) {
            return;
        }
        var attributes = model.attributes();
        for (int i = 0; i < values.length; i++) {
            setRaw(attributes.get(i), entity, values[i]);
        }
    }

    /** Resets a generated id to "unset": null, or 0 in a primitive field. */
    void resetGeneratedId() {
        if (generatedId && !model.isRecord()) {
            Attribute<Object, ?> id = model.id();
            setRaw(id, entity, id.isPrimitive() ? zero(id.javaType()) : null);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> void setRaw(Attribute<Object, T> attribute, Object entity, Object value) {
        attribute.set(entity, (T) value);
    }

    static Object zero(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return 0;
        }
        if (type == Short.class || type == short.class) {
            return (short) 0;
        }
        return 0L;
    }

    /** Whether a generated id is unset: null, or 0 in a primitive field. */
    static boolean isUnset(Attribute<?, ?> id, Object value) {
        return value == null || id.isPrimitive() && value instanceof Number n && n.longValue() == 0;
    }

    /** An identity-map key: the entity class and the id. */
    record Key(Class<?> type, Object id) {
        // written out: the generated methods go through method handles, and a session looks keys up on every read

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.type == type && java.util.Objects.equals(other.id, id);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + java.util.Objects.hashCode(id);
        }
    }
}
