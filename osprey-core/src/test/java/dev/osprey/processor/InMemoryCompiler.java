package dev.osprey.processor;

import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles Java sources held in strings with the system compiler and the entity processor,
 * keeping every output (generated sources and class files) in memory. Not thread-safe.
 */
final class InMemoryCompiler {
    private static final String PROCESSOR = "dev.osprey.processor.EntityProcessor";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");

    private InMemoryCompiler() {
    }

    /** Compiles {@code sources} (each a whole compilation unit) with {@code -Xlint:all}. */
    static Compilation compile(String... sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new Source(binaryNameOf(source), source));
        }
        Map<String, Output> outputs = new LinkedHashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        try (var files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                Output output = new Output(className, kind);
                outputs.put(kind + ":" + className, output);
                return output;
            }
        }) {
            List<String> options = List.of("-classpath", classPath(), "-Xlint:all", "-proc:full");
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(entityProcessor()));
            boolean success = task.call();
            Map<String, String> generated = new LinkedHashMap<>();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            outputs.values().forEach(output -> {
                if (output.getKind() == JavaFileObject.Kind.SOURCE) {
                    generated.put(output.className, output.bytes.toString(StandardCharsets.UTF_8));
                } else {
                    classes.put(output.className, output.bytes.toByteArray());
                }
            });
            return new Compilation(success, diagnostics.getDiagnostics(), generated, classes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new {@code EntityProcessor}, found the way compilers find it: through its
     * {@code META-INF/services} entry. (The test sources are compiled into the {@code dev.osprey} module, where
     * this package is the tests' own, so {@code new EntityProcessor()} would not compile; at run time
     * everything is on the class path.)
     */
    static Processor entityProcessor() {
        return ServiceLoader.load(Processor.class, InMemoryCompiler.class.getClassLoader()).stream()
                .filter(provider -> provider.type().getName().equals(PROCESSOR))
                .map(ServiceLoader.Provider::get)
                .findFirst()
                .orElseThrow(() -> new AssertionError(PROCESSOR + " is not registered in META-INF/services"));
    }

    // Surefire may run tests from a manifest-only jar; it then names the real class path separately.
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    private static String binaryNameOf(String source) {
        Matcher type = TYPE.matcher(source);
        if (!type.find()) {
            throw new IllegalArgumentException("no type declared in\n" + source);
        }
        Matcher pkg = PACKAGE.matcher(source);
        return (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
    }

    /** A source file held in a string. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** A generated source or class file held in memory; a generated source can be read back for compilation. */
    private static final class Output extends SimpleJavaFileObject {
        final String className;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(String className, Kind kind) {
            super(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind);
            this.className = className;
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
