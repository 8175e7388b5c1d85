package dev.osprey.internal.query;

import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

/**
 * {@code expression [NOT] LIKE pattern ESCAPE '\'}, or its case-insensitive form. The escape
 * character is always the backslash, on every database.
 */
public record Like(Expression<?> expression, Param<?> pattern, boolean ignoreCase, boolean negated)
        implements Predicate {

    /** The escape character of every LIKE Osprey renders. */
    public static final char ESCAPE = '\\';

    public Like {
        if (expression.javaType() != String.class) {
            throw new IllegalArgumentException("LIKE needs a text expression; " + expression + " is "
                    + expression.javaType().getName());
        }
    }

    /** {@code text} with the LIKE wildcards and the escape character escaped, so that it matches only itself. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
