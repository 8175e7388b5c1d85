package dev.osprey.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of one Osprey annotation on one element, read from its mirror by name (the processor
 * does not depend on osprey-core, so it cannot use the annotation classes). An absent annotation
 * answers with the defaults its declaration gives, so they live in one place. Not thread-safe
 * (nothing in a processor is).
 */
final class AnnotationValues {
    private final TypeElement annotationType;
    private final AnnotationMirror mirror;
    private final Elements elements;

    private AnnotationValues(TypeElement annotationType, AnnotationMirror mirror, Elements elements) {
        this.annotationType = annotationType;
        this.mirror = mirror;
        this.elements = elements;
    }

    /** Osprey's annotation {@code dev.osprey.annotation.<simpleName>} on {@code element}, present or not. */
    static AnnotationValues of(Element element, String simpleName, Elements elements) {
        String qualifiedName = "dev.osprey.annotation." + simpleName;
        TypeElement type = elements.getTypeElement(qualifiedName);
        if (type == null) {
            throw new IllegalStateException(qualifiedName + " is not on the class path");
        }
        for (AnnotationMirror candidate : element.getAnnotationMirrors()) {
            if (((TypeElement) candidate.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return new AnnotationValues(type, candidate, elements);
            }
        }
        return new AnnotationValues(type, null, elements);
    }

    /** A nested annotation value, such as one {@code @Index} of {@code @Table(indexes = ...)}. */
    private static AnnotationValues nested(AnnotationMirror mirror, Elements elements) {
        return new AnnotationValues((TypeElement) mirror.getAnnotationType().asElement(), mirror, elements);
    }

    boolean isPresent() {
        return mirror != null;
    }

    /** The mirror, for diagnostics that point at the annotation; {@code null} when absent. */
    AnnotationMirror mirror() {
        return mirror;
    }

    /** The value of {@code name}, for diagnostics that point at it; {@code null} when absent. */
    AnnotationValue value(String name) {
        if (mirror == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException(annotationType + " has no element " + name);
    }

    String string(String name) {
        return (String) raw(name);
    }

    int integer(String name) {
        return (Integer) raw(name);
    }

    boolean bool(String name) {
        return (Boolean) raw(name);
    }

    /** A {@code Class<?>} element, as the type it names. */
    TypeMirror type(String name) {
        return (TypeMirror) raw(name);
    }

    /** An enum element, as the constant's name. */
    String enumConstant(String name) {
        return ((VariableElement) raw(name)).getSimpleName().toString();
    }

    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        for (Object item : (List<?>) raw(name)) {
            values.add((String) ((AnnotationValue) item).getValue());
        }
        return values;
    }

    List<AnnotationValues> annotations(String name) {
        List<AnnotationValues> values = new ArrayList<>();
        for (Object item : (List<?>) raw(name)) {
            values.add(nested((AnnotationMirror) ((AnnotationValue) item).getValue(), elements));
        }
        return values;
    }

    private Object raw(String name) {
        AnnotationValue value = mirror != null ? value(name) : defaultValue(name);
        return value.getValue();
    }

    private AnnotationValue defaultValue(String name) {
        for (ExecutableElement method : ElementFilter.methodsIn(annotationType.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(name) && method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
        }
        throw new IllegalArgumentException(annotationType + "." + name + " has no default value");
    }
}
