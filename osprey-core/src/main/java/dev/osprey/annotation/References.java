package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field holds the id of another entity: the column gets a foreign key constraint to that
 * entity's table. The field's type must match the other entity's id type.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface References {
    /** The referenced entity. */
    Class<?> value();

    /** What the database does with this row when the referenced row is deleted. */
    OnDelete onDelete() default OnDelete.NO_ACTION;
}
