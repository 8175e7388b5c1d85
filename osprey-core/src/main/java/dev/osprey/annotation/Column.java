package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a field maps to its column. A field needs no annotation at all to be a column; this one
 * changes the defaults.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface Column {
    /** A {@link #length()} meaning "no limit": the column is TEXT (or the database's unbounded binary). */
    int UNLIMITED = 0;

    /** The column name; defaults to the field name in snake_case ({@code createdAt} → {@code created_at}). */
    String name() default "";

    /** Maximum length of a String (VARCHAR(n)); {@link #UNLIMITED} for TEXT. */
    int length() default 255;

    /** Whether NULL is allowed. Primitive fields and the id are never nullable. */
    boolean nullable() default true;

    /** Whether the column has a unique constraint of its own. */
    boolean unique() default false;

    /**
     * A default value as a literal ({@code "0"}, {@code "true"}, {@code "draft"}); rendered as a properly
     * quoted SQL literal of the column's type, never as SQL text.
     */
    String defaultValue() default "";

    /** Total digits of a BigDecimal column; 0 for the database's default. */
    int precision() default 0;

    /** Digits after the decimal point of a BigDecimal column (with {@link #precision()}). */
    int scale() default 0;
}
