package dev.osprey.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The compile errors found in one entity, reported through the {@link Messager} on the element at
 * fault; an entity with any is not generated. Not thread-safe.
 */
final class Errors {
    private final Messager messager;
    private int count;

    Errors(Messager messager) {
        this.messager = messager;
    }

    void report(Element element, String message) {
        count++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** An error pointing at an annotation value, where the compiler can find it; else at the annotation or the element. */
    void report(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        count++;
        if (annotation == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        } else if (value == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
        }
    }

    boolean any() {
        return count > 0;
    }

    int count() {
        return count;
    }
}
