package dev.osprey.annotation;

import dev.osprey.mapping.AttributeConverter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field of a type Osprey does not know through a converter to one it does. The
 * converter class needs a public no-arg constructor.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface Convert {
    Class<? extends AttributeConverter<?, ?>> value();
}
