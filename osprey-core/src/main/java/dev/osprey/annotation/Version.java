package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The optimistic-locking column of an entity (an {@code int}/{@code long} or its box, at most one
 * per entity). A session's flush updates a row only where this column still holds the value it
 * read, and bumps it by one; when no row matches, the flush fails with
 * {@link dev.osprey.StaleObjectException} and writes nothing.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface Version {
}
