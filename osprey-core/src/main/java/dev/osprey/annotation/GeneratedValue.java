package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database generates the id (an identity / auto-increment column); only for {@code int},
 * {@code long}, {@code Integer}, {@code Long}, {@code short} or {@code Short} ids.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface GeneratedValue {
}
