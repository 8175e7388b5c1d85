package dev.osprey.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How an enum field is stored: by constant name (the default, safe when constants are reordered) or ordinal. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface Enumerated {
    EnumStorage value() default EnumStorage.NAME;
}
