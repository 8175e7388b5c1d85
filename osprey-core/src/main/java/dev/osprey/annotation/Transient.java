package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A field that is not stored. (Static fields never are.) */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface Transient {
}
