package dev.osprey.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;

/**
 * An entity as the processor read it, ready to be written out as its metamodel class. Immutable.
 *
 * @param type          the {@code @Table} class or record
 * @param packageName   its package ("" for the unnamed package)
 * @param metamodelName the simple name of the generated class: {@code User_}, {@code Outer_Inner_}
 * @param table         the table name
 * @param properties    the persistent fields, in declaration order
 * @param indexes       the indexes declared in {@code @Table}
 * @param construction  how an instance is made
 */
record Entity(TypeElement type, String packageName, String metamodelName, String table,
              List<Property> properties, List<Index> indexes, Construction construction) {

    /** An index with its columns (not fields) resolved. */
    record Index(String name, List<String> columns, boolean unique) {
    }

    enum Construction {
        /** A class with a non-private no-arg constructor: {@code User::new}. */
        CONSTRUCTOR,
        /** A class whose no-arg constructor is private: a method handle from a private lookup. */
        PRIVATE_CONSTRUCTOR,
        /** A record, made from all its component values at once. */
        RECORD
    }
}
