package dev.osprey.processor;

import dev.osprey.processor.Property.Accessor;
import dev.osprey.processor.Property.Constraints;
import dev.osprey.processor.Property.Conversion;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one persistent field of an entity into a {@link Property}: its column, storage type,
 * accessors and constraints, reporting every mistake on the field. Not thread-safe.
 */
final class PropertyScanner {
    private static final String ATTRIBUTE_CONVERTER = "dev.osprey.mapping.AttributeConverter";

    private final Elements elements;
    private final Types types;
    private final TypeElement entity;
    private final Errors errors;

    PropertyScanner(ProcessingEnvironment env, TypeElement entity, Errors errors) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.entity = entity;
        this.errors = errors;
    }

    /** The column name of {@code field}: {@code @Column(name)}, or the field name in snake_case. */
    String columnOf(VariableElement field) {
        String name = annotation(field, "Column").string("name");
        return name.isEmpty() ? Names.snakeCase(field.getSimpleName().toString()) : name;
    }

    /**
     * The property of {@code field}, or {@code null} if it has errors (reported).
     *
     * @param recordAccessor the record component's accessor; {@code null} for a class
     */
    Property scan(VariableElement field, ExecutableElement recordAccessor) {
        int errorsBefore = errors.count();
        TypeMirror type = field.asType();
        boolean primitive = type.getKind().isPrimitive();
        TypeMirror javaType = primitive ? types.boxedClass((PrimitiveType) type).asType() : type;

        AnnotationValues column = annotation(field, "Column");
        int length = column.integer("length");
        int precision = column.integer("precision");
        int scale = column.integer("scale");
        if (length < 0 || precision < 0 || scale < 0 || precision > 0 && scale > precision) {
            errors.report(field, column.mirror(), null, "@Column of field '" + field.getSimpleName()
                    + "' has an invalid length, precision or scale: length and precision must not be negative, "
                    + "and scale must be between 0 and the precision");
            return null;
        }

        Conversion conversion = conversion(field, javaType);
        StorageType storage = null;
        if (conversion != null) {
            TypeMirror stored = conversion.converter() != null ? conversion.stored() : type;
            storage = TypeMapping.storageOf(stored, length, precision, scale, conversion.enumByOrdinal());
            if (storage == null && conversion.converter() == null) {
                errors.report(field, "field '" + field.getSimpleName() + "' has type " + type
                        + ", which Osprey cannot store; add @Convert with an AttributeConverter<" + javaType
                        + ", ?> to a type it can (String, Long, BigDecimal, Instant, ...)");
            } else if (storage == null) {
                errors.report(field, "the converter " + conversion.converter().getSimpleName() + " of field '"
                        + field.getSimpleName() + "' stores " + stored + ", which Osprey cannot store either");
            }
        }

        Accessor getter = recordAccessor != null ? Accessor.method(recordAccessor.getSimpleName().toString()) : getter(field);
        Accessor setter = recordAccessor != null ? null : setter(field);
        Constraints constraints = constraints(field, column, primitive, recordAccessor != null);
        if (errors.count() > errorsBefore) {
            return null; // every way to get here without a storage type or accessor reported an error
        }
        return new Property(field, columnOf(field), javaType, primitive, storage, conversion, getter, setter, constraints);
    }

    private Conversion conversion(VariableElement field, TypeMirror javaType) {
        AnnotationValues convert = annotation(field, "Convert");
        if (convert.isPresent()) {
            return converter(field, javaType, convert);
        }
        AnnotationValues enumerated = annotation(field, "Enumerated");
        boolean isEnum = field.asType().getKind() == TypeKind.DECLARED
                && types.asElement(field.asType()).getKind() == ElementKind.ENUM;
        if (enumerated.isPresent() && !isEnum) {
            errors.report(field, enumerated.mirror(), null,
                    "@Enumerated is only for enum fields; '" + field.getSimpleName() + "' is " + field.asType());
            return null;
        }
        return isEnum && enumerated.enumConstant("value").equals("ORDINAL") ? new Conversion(true, null, null) : Conversion.NONE;
    }

    private Conversion converter(VariableElement field, TypeMirror javaType, AnnotationValues convert) {
        TypeElement converter = (TypeElement) types.asElement(convert.type("value"));
        String name = converter.getSimpleName().toString();
        String problem = null;
        DeclaredType contract = supertype(converter.asType(), ATTRIBUTE_CONVERTER);
        if (converter.getKind() != ElementKind.CLASS || converter.getModifiers().contains(Modifier.ABSTRACT)) {
            problem = "the converter " + name + " must be a concrete class";
        } else if (!converter.getTypeParameters().isEmpty()) {
            problem = "the converter " + name + " must not have type parameters";
        } else if (converter.getModifiers().contains(Modifier.PRIVATE) || !hasPublicNoArgConstructor(converter)) {
            problem = "the converter " + name + " needs a public no-arg constructor and must not be private";
        } else if (contract == null || contract.getTypeArguments().size() != 2) {
            problem = "the converter " + name + " must implement AttributeConverter<J, D> with both type arguments";
        } else if (!types.isSameType(contract.getTypeArguments().get(0), javaType)) {
            problem = "the converter " + name + " converts " + contract.getTypeArguments().get(0) + ", but field '"
                    + field.getSimpleName() + "' is " + javaType;
        } else if (contract.getTypeArguments().get(1).getKind() != TypeKind.DECLARED
                || !((DeclaredType) contract.getTypeArguments().get(1)).getTypeArguments().isEmpty()) {
            problem = "the converter " + name + " must store a plain class such as String or Long, not "
                    + contract.getTypeArguments().get(1);
        }
        if (problem != null) {
            errors.report(field, convert.mirror(), null, problem);
            return null;
        }
        return new Conversion(false, converter, contract.getTypeArguments().get(1));
    }

    /** {@code type}'s supertype {@code qualifiedName} with its type arguments as {@code type} fills them in. */
    private DeclaredType supertype(TypeMirror type, String qualifiedName) {
        Deque<TypeMirror> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            TypeMirror next = pending.poll();
            if (next.getKind() == TypeKind.DECLARED
                    && ((TypeElement) types.asElement(next)).getQualifiedName().contentEquals(qualifiedName)) {
                return (DeclaredType) next;
            }
            pending.addAll(types.directSupertypes(next));
        }
        return null;
    }

    private static boolean hasPublicNoArgConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    }

    private Accessor getter(VariableElement field) {
        String capitalized = Names.capitalize(field.getSimpleName().toString());
        boolean bool = field.asType().getKind() == TypeKind.BOOLEAN || isType(field.asType(), "java.lang.Boolean");
        for (ExecutableElement method : ElementFilter.methodsIn(entity.getEnclosedElements())) {
            String name = method.getSimpleName().toString();
            if ((name.equals("get" + capitalized) || bool && name.equals("is" + capitalized))
                    && method.getParameters().isEmpty() && isUsableMember(method)
                    && types.isSameType(method.getReturnType(), field.asType())) {
                return Accessor.method(name);
            }
        }
        if (!field.getModifiers().contains(Modifier.PRIVATE)) {
            return Accessor.field(field.getSimpleName().toString());
        }
        errors.report(field, "field '" + field.getSimpleName() + "' is private and has no getter: add a non-private get"
                + capitalized + "() or make the field package-private");
        return null;
    }

    private Accessor setter(VariableElement field) {
        if (field.getModifiers().contains(Modifier.FINAL)) {
            errors.report(field, "field '" + field.getSimpleName() + "' is final, but Osprey sets fields after construction: "
                    + "remove final, mark it @Transient, or make the entity a record");
            return null;
        }
        String name = "set" + Names.capitalize(field.getSimpleName().toString());
        for (ExecutableElement method : ElementFilter.methodsIn(entity.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1 && isUsableMember(method)
                    && types.isSameType(method.getParameters().get(0).asType(), field.asType())) {
                return Accessor.method(name);
            }
        }
        if (!field.getModifiers().contains(Modifier.PRIVATE)) {
            return Accessor.field(field.getSimpleName().toString());
        }
        errors.report(field, "field '" + field.getSimpleName() + "' is private and has no setter: add a non-private "
                + name + "(" + field.asType() + ") or make the field package-private");
        return null;
    }

    private static boolean isUsableMember(ExecutableElement method) {
        return !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC);
    }

    private Constraints constraints(VariableElement field, AnnotationValues column, boolean primitive, boolean record) {
        boolean id = annotation(field, "Id").isPresent();
        AnnotationValues generatedValue = annotation(field, "GeneratedValue");
        String name = field.getSimpleName().toString();
        if (generatedValue.isPresent() && !id) {
            errors.report(field, generatedValue.mirror(), null,
                    "@GeneratedValue is only for the @Id field, and '" + name + "' is not the id");
        } else if (generatedValue.isPresent() && !TypeMapping.isIntegral(field.asType())) {
            errors.report(field, generatedValue.mirror(), null, "@GeneratedValue needs an integral id (short, int, long or "
                    + "their boxes), but '" + name + "' is " + field.asType());
        }
        boolean version = checkVersion(field, id, record);
        boolean notNull = !column.bool("nullable");
        String defaultValue = column.string("defaultValue");

        AnnotationValues references = annotation(field, "References");
        TypeMirror referenced = null;
        String onDelete = "NO_ACTION";
        if (references.isPresent()) {
            referenced = references.type("value");
            onDelete = references.enumConstant("onDelete");
            checkReference(field, references, referenced, onDelete.equals("SET_NULL") && (id || notNull || primitive));
        }
        return new Constraints(id, generatedValue.isPresent(), version, notNull, column.bool("unique"),
                defaultValue.isEmpty() ? null : defaultValue, referenced, onDelete);
    }

    /** Whether {@code field} is a usable {@code @Version} column; a misplaced one is reported. */
    private boolean checkVersion(VariableElement field, boolean id, boolean record) {
        AnnotationValues version = annotation(field, "Version");
        if (!version.isPresent()) {
            return false;
        }
        String name = field.getSimpleName().toString();
        String problem = null;
        if (record) {
            problem = "@Version is not for records: a record is immutable, so a flush could not bump '" + name
                    + "'; make " + entity.getSimpleName() + " a class";
        } else if (id) {
            problem = "@Version cannot be on the @Id '" + name + "': the version must be a column of its own";
        } else if (!TypeMapping.isIntegral(field.asType())) {
            problem = "@Version needs an integral field (short, int, long or their boxes), but '" + name + "' is "
                    + field.asType();
        }
        if (problem != null) {
            errors.report(field, version.mirror(), null, problem);
            return false;
        }
        return true;
    }

    private void checkReference(VariableElement field, AnnotationValues references, TypeMirror referenced,
                                boolean setNullOnNotNull) {
        String name = field.getSimpleName().toString();
        TypeElement target = referenced.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(referenced) : null;
        if (target == null || !annotation(target, "Table").isPresent()) {
            errors.report(field, references.mirror(), null,
                    "@References of field '" + name + "' must name an @Table entity, and " + referenced + " is not one");
            return;
        }
        if (setNullOnNotNull) {
            errors.report(field, references.mirror(), null,
                    "onDelete = SET_NULL needs a nullable field, and '" + name + "' cannot be NULL");
        }
        for (VariableElement candidate : ElementFilter.fieldsIn(target.getEnclosedElements())) {
            if (annotation(candidate, "Id").isPresent() && !types.isSameType(boxed(candidate.asType()), boxed(field.asType()))) {
                errors.report(field, references.mirror(), null, "field '" + name + "' is "
                        + field.asType() + ", but it references " + target.getSimpleName() + ", whose id is "
                        + candidate.asType() + "; the types must match");
            }
        }
    }

    private TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    }

    private boolean isType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(qualifiedName);
    }

    private AnnotationValues annotation(Element element, String simpleName) {
        return AnnotationValues.of(element, simpleName, elements);
    }
}
