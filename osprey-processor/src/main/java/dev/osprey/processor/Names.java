package dev.osprey.processor;

import java.util.Locale;

/**
 * The naming conventions of the generated code: Java names in snake_case for tables and columns,
 * and in UPPER_SNAKE for the column constants. Stateless.
 */
final class Names {
    private Names() {
    }

    /** {@code OrderLine} → {@code order_line}, {@code URLCache} → {@code url_cache}, {@code createdAt} → {@code created_at}. */
    static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && startsWord(javaName, i) && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** {@code createdAt} → {@code CREATED_AT}. */
    static String upperSnakeCase(String javaName) {
        return snakeCase(javaName).toUpperCase(Locale.ROOT);
    }

    /** The JavaBeans capitalisation used in accessor names: {@code name} → {@code Name}. */
    static String capitalize(String javaName) {
        return Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
    }

    // An upper-case letter starts a word after a lower-case letter or digit ("createdAt"), or when it is
    // the last capital of an acronym followed by a lower-case letter ("URLCache": the C).
    private static boolean startsWord(String name, int i) {
        char before = name.charAt(i - 1);
        if (Character.isLowerCase(before) || Character.isDigit(before)) {
            return true;
        }
        return Character.isUpperCase(before) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
    }
}
