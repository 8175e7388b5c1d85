package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index on one or more columns, declared in {@link Table#indexes()}. */
@Target({})
@Retention(RetentionPolicy.CLASS)
public @interface Index {
    /** The fields (Java names) the index covers, in order. */
    String[] fields();

    /** Whether the indexed values must be unique. */
    boolean unique() default false;

    /** The index name; defaults to {@code ix_<table>_<columns>} ({@code ux_} when unique). */
    String name() default "";
}
