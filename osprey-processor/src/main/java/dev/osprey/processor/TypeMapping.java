package dev.osprey.processor;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The Java types Osprey stores natively and the storage type of each. Anything else needs a
 * converter. Stateless.
 */
final class TypeMapping {
    private TypeMapping() {
    }

    /**
     * The storage type of a field of type {@code type}, or {@code null} if Osprey cannot store it.
     *
     * @param length    {@code @Column(length)}, for strings and enums stored by name
     * @param precision {@code @Column(precision)}, for BigDecimal
     * @param scale     {@code @Column(scale)}, for BigDecimal
     * @param ordinal   whether an enum is stored by ordinal
     */
    static StorageType storageOf(TypeMirror type, int length, int precision, int scale, boolean ordinal) {
        if (type.getKind().isPrimitive()) {
            return ofPrimitive(type.getKind());
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? StorageType.of("BINARY") : null;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
            return ordinal ? StorageType.of("INTEGER") : StorageType.varchar(length);
        }
        return switch (element.getQualifiedName().toString()) {
            case "java.lang.Boolean" -> ofPrimitive(TypeKind.BOOLEAN);
            case "java.lang.Byte" -> ofPrimitive(TypeKind.BYTE);
            case "java.lang.Short" -> ofPrimitive(TypeKind.SHORT);
            case "java.lang.Integer" -> ofPrimitive(TypeKind.INT);
            case "java.lang.Long" -> ofPrimitive(TypeKind.LONG);
            case "java.lang.Float" -> ofPrimitive(TypeKind.FLOAT);
            case "java.lang.Double" -> ofPrimitive(TypeKind.DOUBLE);
            case "java.lang.String" -> StorageType.varchar(length);
            case "java.math.BigDecimal" -> StorageType.decimal(precision, scale);
            case "java.util.UUID" -> StorageType.of("UUID");
            case "java.time.Instant", "java.time.OffsetDateTime" -> StorageType.of("TIMESTAMP_UTC");
            case "java.time.LocalDateTime" -> StorageType.of("TIMESTAMP");
            case "java.time.LocalDate" -> StorageType.of("DATE");
            case "java.time.LocalTime" -> StorageType.of("TIME");
            default -> null;
        };
    }

    /** Whether {@code type} may be a {@code @GeneratedValue} id: short, int, long or their boxes. */
    static boolean isIntegral(TypeMirror type) {
        return switch (type.getKind()) {
            case SHORT, INT, LONG -> true;
            case DECLARED -> switch (((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()) {
                case "java.lang.Short", "java.lang.Integer", "java.lang.Long" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    private static StorageType ofPrimitive(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> StorageType.of("BOOLEAN");
            case BYTE, SHORT -> StorageType.of("SMALLINT");
            case INT -> StorageType.of("INTEGER");
            case LONG -> StorageType.of("BIGINT");
            case FLOAT -> StorageType.of("REAL");
            case DOUBLE -> StorageType.of("DOUBLE");
            default -> null; // char
        };
    }
}
