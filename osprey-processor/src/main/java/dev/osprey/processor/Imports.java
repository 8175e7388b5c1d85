package dev.osprey.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The imports of one generated source file, and how it names each type it uses: by its simple name
 * where that is free, else by its qualified name. The first type to ask for a simple name gets it,
 * so an entity called {@code Column} and {@code dev.osprey.query.Column} can meet in one file.
 * Not thread-safe.
 */
final class Imports {
    private final String packageName;
    private final Elements elements;
    private final Map<String, String> owners = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    /** Imports for a file in {@code packageName} that declares the class {@code ownSimpleName}. */
    Imports(String packageName, String ownSimpleName, Elements elements) {
        this.packageName = packageName;
        this.elements = elements;
        owners.put(ownSimpleName, qualified(packageName, ownSimpleName));
    }

    /** How to name the top-level class {@code qualifiedName}. */
    String name(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String simple = qualifiedName.substring(dot + 1);
        return resolve(dot < 0 ? "" : qualifiedName.substring(0, dot), simple, simple);
    }

    /** How to name {@code type}, which may be nested ({@code Outer.Inner}). */
    String name(TypeElement type) {
        TypeElement top = type;
        String path = type.getSimpleName().toString();
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement t; outer = t.getEnclosingElement()) {
            top = t;
            path = t.getSimpleName() + "." + path;
        }
        return resolve(elements.getPackageOf(top).getQualifiedName().toString(), top.getSimpleName().toString(), path);
    }

    /** How to write {@code type} in source, with its type arguments. */
    String name(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.getKind().name().toLowerCase(Locale.ROOT);
        }
        return switch (type.getKind()) {
            case ARRAY -> name(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                String base = name((TypeElement) declared.asElement());
                if (declared.getTypeArguments().isEmpty()) {
                    yield base;
                }
                StringJoiner arguments = new StringJoiner(", ", base + "<", ">");
                declared.getTypeArguments().forEach(argument -> arguments.add(name(argument)));
                yield arguments.toString();
            }
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    yield "? extends " + name(wildcard.getExtendsBound());
                }
                yield wildcard.getSuperBound() != null ? "? super " + name(wildcard.getSuperBound()) : "?";
            }
            default -> type.toString();
        };
    }

    /** The import declarations, sorted, each on its own line. */
    String declarations() {
        StringBuilder out = new StringBuilder();
        imports.forEach(name -> out.append("import ").append(name).append(";\n"));
        return out.toString();
    }

    private String resolve(String pkg, String topSimpleName, String path) {
        String top = qualified(pkg, topSimpleName);
        String owner = owners.putIfAbsent(topSimpleName, top);
        if (owner == null) {
            // Same-package types need no import; java.lang ones only if a same-package type would hide them.
            boolean implicit = pkg.equals(packageName)
                    || pkg.equals("java.lang") && elements.getTypeElement(qualified(packageName, topSimpleName)) == null;
            if (!implicit) {
                imports.add(top);
            }
            return path;
        }
        return owner.equals(top) || pkg.isEmpty() ? path : pkg + "." + path;
    }

    private static String qualified(String pkg, String simpleName) {
        return pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
    }
}
