package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The entity's primary key. Exactly one field per entity has it. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface Id {
}
