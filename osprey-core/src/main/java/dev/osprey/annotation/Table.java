package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as an entity stored in a table. Osprey's annotation processor generates
 * its metamodel class {@code X_} (typed columns, row mapping, change tracking) at compile time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Table {
    /** The table name; defaults to the class name in snake_case ({@code OrderLine} → {@code order_line}). */
    String value() default "";

    /** Indexes over this table's columns, single or multi-column, unique or not. */
    Index[] indexes() default {};
}
