package dev.osprey.processor;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an {@link InMemoryCompiler} run: its diagnostics, the sources the processor
 * generated and the class files, which {@link #load} defines in a class loader of their own.
 */
final class Compilation {
    private final boolean success;
    private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private final Map<String, String> generatedSources;
    private final Map<String, byte[]> classes;
    private final ClassLoader loader;

    Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
                Map<String, String> generatedSources, Map<String, byte[]> classes) {
        this.success = success;
        this.diagnostics = List.copyOf(diagnostics);
        this.generatedSources = Map.copyOf(generatedSources);
        this.classes = Map.copyOf(classes);
        this.loader = new ClassLoader(Compilation.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = Compilation.this.classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    boolean success() {
        return success;
    }

    List<Diagnostic<? extends JavaFileObject>> diagnostics() {
        return diagnostics;
    }

    List<Diagnostic<? extends JavaFileObject>> errors() {
        return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    List<Diagnostic<? extends JavaFileObject>> warnings() {
        return diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .toList();
    }

    /** The source the processor generated for {@code className}, or {@code null}. */
    String generatedSource(String className) {
        return generatedSources.get(className);
    }

    Map<String, String> generatedSources() {
        return generatedSources;
    }

    /** The compiled class {@code name}, loaded (and initialised) from the in-memory output. */
    Class<?> load(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " was not compiled; diagnostics: " + diagnostics, e);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(success ? "success" : "failure");
        diagnostics.forEach(d -> out.append("\n  ").append(d.getKind()).append(" line ").append(d.getLineNumber())
                .append(": ").append(d.getMessage(null)));
        return out.toString();
    }
}
