package dev.osprey.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One persistent field of an entity as the generated code needs it: names, Java and storage type,
 * how to read and write it, and its constraints. Immutable.
 *
 * @param field       the field (for records: the component's private field)
 * @param column      the column name
 * @param javaType    the field's type, boxed if it is a primitive
 * @param primitive   whether the field is a primitive (never NULL)
 * @param storage     the column's storage type (for a converter: of the stored type)
 * @param conversion  enum-by-ordinal or converter, if any
 * @param getter      how to read the field
 * @param setter      how to write it; {@code null} for records
 * @param constraints id, NOT NULL, unique, default, foreign key
 */
record Property(VariableElement field, String column, TypeMirror javaType, boolean primitive,
                StorageType storage, Conversion conversion, Accessor getter, Accessor setter, Constraints constraints) {

    String name() {
        return field.getSimpleName().toString();
    }

    /** A method ({@code User::getName}) or direct field access ({@code e -> e.name}). */
    record Accessor(boolean method, String name) {
        static Accessor method(String name) {
            return new Accessor(true, name);
        }

        static Accessor field(String name) {
            return new Accessor(false, name);
        }
    }

    /**
     * How values change between the field and the column beyond plain conversion.
     *
     * @param enumByOrdinal an enum stored by ordinal
     * @param converter     the {@code AttributeConverter} class, or {@code null}
     * @param stored        the converter's stored type, or {@code null}
     */
    record Conversion(boolean enumByOrdinal, TypeElement converter, TypeMirror stored) {
        static final Conversion NONE = new Conversion(false, null, null);
    }

    /**
     * @param version      whether this is the {@code @Version} column
     * @param defaultValue the default value literal, or {@code null}
     * @param references   the referenced entity, or {@code null}
     * @param onDelete     the {@code OnDelete} constant's name
     */
    record Constraints(boolean id, boolean generated, boolean version, boolean notNull, boolean unique, String defaultValue,
                       TypeMirror references, String onDelete) {
    }
}
