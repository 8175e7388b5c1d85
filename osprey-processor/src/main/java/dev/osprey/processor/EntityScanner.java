package dev.osprey.processor;

import dev.osprey.processor.Entity.Construction;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code @Table} class or record into an {@link Entity}, reporting every mistake as a
 * compile error on the element at fault. Not thread-safe.
 */
final class EntityScanner {
    private final ProcessingEnvironment env;
    private final Elements elements;

    EntityScanner(ProcessingEnvironment env) {
        this.env = env;
        this.elements = env.getElementUtils();
    }

    /** Whether {@code type} mentions a type the compiler has not resolved (yet: another processor may generate it). */
    static boolean mentionsUnresolvedTypes(TypeElement type) {
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.asType().getKind() == TypeKind.ERROR) {
                return true;
            }
            for (AnnotationMirror annotation : field.getAnnotationMirrors()) {
                for (AnnotationValue value : annotation.getElementValues().values()) {
                    if (value.getValue() instanceof TypeMirror mirror && mirror.getKind() == TypeKind.ERROR) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The entity {@code type} describes, or {@code null} if it has errors (all reported). */
    Entity scan(TypeElement type) {
        Errors errors = new Errors(env.getMessager());
        if (!isUsableType(type, errors)) {
            return null;
        }
        boolean record = type.getKind() == ElementKind.RECORD;
        Construction construction = record ? Construction.RECORD : construction(type, errors);
        PropertyScanner scanner = new PropertyScanner(env, type, errors);

        List<VariableElement> fields = persistentFields(type, record, errors);
        checkIds(type, fields, errors);
        checkVersions(type, fields, errors);
        checkColumnsAreDistinct(fields, scanner, errors);
        Map<String, ExecutableElement> accessors = new HashMap<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
            accessors.put(component.getSimpleName().toString(), component.getAccessor());
        }
        List<Property> properties = new ArrayList<>();
        for (VariableElement field : fields) {
            Property property = scanner.scan(field, accessors.get(field.getSimpleName().toString()));
            if (property != null) {
                properties.add(property);
            }
        }

        AnnotationValues table = AnnotationValues.of(type, "Table", elements);
        String tableName = table.string("value").isEmpty()
                ? Names.snakeCase(type.getSimpleName().toString()) : table.string("value");
        List<Entity.Index> indexes = indexes(type, table, tableName, fields, scanner, errors);
        if (errors.any()) {
            return null;
        }
        return new Entity(type, packageOf(type).getQualifiedName().toString(), metamodelName(type), tableName,
                List.copyOf(properties), indexes, construction);
    }

    private boolean isUsableType(TypeElement type, Errors errors) {
        String name = type.getSimpleName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            errors.report(type, "@Table is for classes and records, and " + name + " is "
                    + article(type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')));
        } else if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            errors.report(type, "@Table class " + name + " is abstract; an entity must be a concrete class");
        } else if (!type.getTypeParameters().isEmpty()) {
            errors.report(type, "@Table class " + name + " has type parameters; an entity cannot be generic");
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            errors.report(type, "@Table class " + name + " is an inner class; make it static, since an entity "
                    + "cannot need an instance of " + type.getEnclosingElement().getSimpleName());
        }
        for (Element enclosing = type; enclosing instanceof TypeElement outer; enclosing = enclosing.getEnclosingElement()) {
            if (outer.getNestingKind() == NestingKind.LOCAL || outer.getNestingKind() == NestingKind.ANONYMOUS) {
                errors.report(type, "@Table class " + name + " is declared inside a method; an entity must be a "
                        + "top-level or static nested class");
                break;
            }
            if (outer.getModifiers().contains(Modifier.PRIVATE)) {
                errors.report(type, "@Table class " + name + (outer == type ? " is private" : " is inside the private class "
                        + outer.getSimpleName()) + "; its generated metamodel in the same package must be able to use it");
                break;
            }
        }
        return !errors.any();
    }

    private static Construction construction(TypeElement type, Errors errors) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                return constructor.getModifiers().contains(Modifier.PRIVATE)
                        ? Construction.PRIVATE_CONSTRUCTOR : Construction.CONSTRUCTOR;
            }
        }
        errors.report(type, "@Table class " + type.getSimpleName() + " has no no-arg constructor; add one "
                + "(it may be private) so Osprey can create instances");
        return null;
    }

    /** Non-static fields that are neither @Transient nor transient, in declaration order. */
    private List<VariableElement> persistentFields(TypeElement type, boolean record, Errors errors) {
        List<VariableElement> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            boolean isTransient = AnnotationValues.of(field, "Transient", elements).isPresent();
            if (isTransient && record) {
                errors.report(field, "record component '" + field.getSimpleName() + "' cannot be @Transient: "
                        + "the record's constructor needs every component");
            } else if (!isTransient && !field.getModifiers().contains(Modifier.TRANSIENT)) {
                fields.add(field);
            }
        }
        return fields;
    }

    private void checkIds(TypeElement type, List<VariableElement> fields, Errors errors) {
        VariableElement first = null;
        for (VariableElement field : fields) {
            if (AnnotationValues.of(field, "Id", elements).isPresent()) {
                if (first == null) {
                    first = field;
                } else {
                    errors.report(field, type.getSimpleName() + " has more than one @Id: '" + first.getSimpleName()
                            + "' and '" + field.getSimpleName() + "'; composite keys are not supported");
                }
            }
        }
        if (first == null) {
            errors.report(type, type.getSimpleName() + " has no @Id: mark the field that holds its primary key with @Id");
        }
    }

    private void checkVersions(TypeElement type, List<VariableElement> fields, Errors errors) {
        VariableElement first = null;
        for (VariableElement field : fields) {
            AnnotationValues version = AnnotationValues.of(field, "Version", elements);
            if (!version.isPresent()) {
                continue;
            }
            if (first == null) {
                first = field;
            } else {
                errors.report(field, version.mirror(), null, type.getSimpleName() + " has more than one @Version: '"
                        + first.getSimpleName() + "' and '" + field.getSimpleName() + "'; an entity has one version column");
            }
        }
    }

    private static void checkColumnsAreDistinct(List<VariableElement> fields, PropertyScanner scanner, Errors errors) {
        Map<String, VariableElement> byColumn = new HashMap<>();
        for (VariableElement field : fields) {
            String column = scanner.columnOf(field);
            // Case-insensitively: MariaDB and unquoted SQL do not tell "Name" from "name".
            VariableElement other = byColumn.putIfAbsent(column.toLowerCase(Locale.ROOT), field);
            if (other != null) {
                errors.report(field, "field '" + field.getSimpleName() + "' maps to column '" + column
                        + "', which field '" + other.getSimpleName() + "' already uses; rename one with @Column(name = ...)");
            }
        }
    }

    private static List<Entity.Index> indexes(TypeElement type, AnnotationValues table, String tableName,
                                              List<VariableElement> fields, PropertyScanner scanner, Errors errors) {
        Map<String, String> columnsByField = new LinkedHashMap<>();
        for (VariableElement field : fields) {
            columnsByField.put(field.getSimpleName().toString(), scanner.columnOf(field));
        }
        List<Entity.Index> indexes = new ArrayList<>();
        for (AnnotationValues index : table.annotations("indexes")) {
            List<String> columns = new ArrayList<>();
            for (String field : index.strings("fields")) {
                String column = columnsByField.get(field);
                if (column == null) {
                    errors.report(type, table.mirror(), index.value("fields"), "@Index of " + type.getSimpleName()
                            + " names unknown field '" + field + "'; its persistent fields are " + columnsByField.keySet());
                }
                columns.add(column);
            }
            if (columns.isEmpty()) {
                errors.report(type, table.mirror(), index.value("fields"), "an @Index needs at least one field");
            }
            boolean unique = index.bool("unique");
            String name = index.string("name").isEmpty()
                    ? (unique ? "ux_" : "ix_") + tableName + "_" + String.join("_", columns) : index.string("name");
            indexes.add(new Entity.Index(name, columns, unique));
        }
        return errors.any() ? List.of() : List.copyOf(indexes);
    }

    /** {@code Outer_Inner_} for {@code Outer.Inner}, as {@code EntityModel.metamodelClassName} expects. */
    static String metamodelName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName()).append('_');
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement t; outer = t.getEnclosingElement()) {
            name.insert(0, t.getSimpleName() + "_");
        }
        return name.toString();
    }

    private static PackageElement packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return (PackageElement) e;
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
