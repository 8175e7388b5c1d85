package dev.osprey.internal.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A raw SQL text as Osprey sends it: {@code :name} parameters replaced by {@code ?}, the names in
 * order, the number of positional {@code ?}, and whether the statement only reads. Quoted strings,
 * quoted identifiers, comments, PostgreSQL dollar-quoted bodies, {@code ::} casts and {@code :=} are
 * left alone. Parsed once per distinct text (bounded cache); instances are immutable and thread-safe.
 *
 * @param jdbcSql    the text with every parameter as {@code ?}
 * @param names      the parameter names in order of appearance (repeats included); empty for positional SQL
 * @param positional how many {@code ?} the original text had
 * @param readOnly   whether the statement starts with SELECT, VALUES or EXPLAIN (so it cannot write)
 */
public record ParsedSql(String jdbcSql, List<String> names, int positional, boolean readOnly) {
    private static final int CACHE_LIMIT = 2_048;
    private static final Map<String, ParsedSql> CACHE = new ConcurrentHashMap<>();

    /** Parses {@code sql}, from the cache when it was seen before. */
    public static ParsedSql of(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL text must not be null or blank");
        }
        ParsedSql parsed = CACHE.get(sql);
        if (parsed == null) {
            parsed = parse(sql);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.put(sql, parsed);
            }
        }
        return parsed;
    }

    /** The bind values for positional arguments, checked against the text. */
    public List<Object> bindPositional(Object[] args) {
        Object[] values = args == null ? new Object[] {null} : args;
        if (!names.isEmpty()) {
            throw new IllegalArgumentException("the SQL uses named parameters (" + String.join(", ", distinctNames())
                    + "): pass their values in a Map");
        }
        if (values.length != positional) {
            throw new IllegalArgumentException("the SQL has " + positional + " parameter(s) but "
                    + values.length + " value(s) were given");
        }
        return Arrays.asList(values.clone());
    }

    /** The bind values for named parameters, in the order the text uses them. */
    public List<Object> bindNamed(Map<String, ?> params) {
        if (params == null) {
            throw new IllegalArgumentException("the parameter map must not be null");
        }
        if (positional > 0) {
            throw new IllegalArgumentException("the SQL uses positional ? parameters: pass values, not a Map");
        }
        Set<String> used = distinctNames();
        for (String key : params.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "': the SQL uses "
                        + (used.isEmpty() ? "no named parameters" : ":" + String.join(", :", used)));
            }
        }
        List<Object> values = new ArrayList<>(names.size());
        for (String name : names) {
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value given for parameter :" + name);
            }
            values.add(params.get(name));
        }
        return values;
    }

    private Set<String> distinctNames() {
        return new LinkedHashSet<>(names);
    }

    static ParsedSql parse(String sql) {
        var out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int positional = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == '?') {
                positional++;
                out.append('?');
                i++;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))
                    && (i == 0 || !isNamePart(sql.charAt(i - 1)))) {
                int j = i + 2;
                while (j < n && isNamePart(sql.charAt(j))) {
                    j++;
                }
                names.add(sql.substring(i + 1, j));
                out.append('?');
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        if (positional > 0 && !names.isEmpty()) {
            throw new IllegalArgumentException("the SQL mixes positional ? and named :parameters; use one kind");
        }
        return new ParsedSql(out.toString(), List.copyOf(names), positional, startsWithReadKeyword(sql));
    }

    /** If a quoted text, quoted identifier or comment starts at {@code i}, the index after it; else {@code i}. */
    private static int skipQuotedOrComment(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        switch (c) {
            case '\'', '"', '`' -> {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {   // doubled quote escapes itself
                            j += 2;
                            continue;
                        }
                        return j + 1;
                    }
                    j++;
                }
                return n;
            }
            case '-' -> {
                if (i + 1 < n && sql.charAt(i + 1) == '-') {
                    int j = sql.indexOf('\n', i);
                    return j < 0 ? n : j + 1;
                }
                return i;
            }
            case '/' -> {
                if (i + 1 < n && sql.charAt(i + 1) == '*') {
                    int j = sql.indexOf("*/", i + 2);
                    return j < 0 ? n : j + 2;
                }
                return i;
            }
            case '$' -> {
                // PostgreSQL dollar quoting: $$...$$ or $tag$...$tag$
                int j = i + 1;
                while (j < n && isNamePart(sql.charAt(j))) {
                    j++;
                }
                if (j < n && sql.charAt(j) == '$' && (i == 0 || !isNamePart(sql.charAt(i - 1)))) {
                    String tag = sql.substring(i, j + 1);
                    if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) {
                        return i;   // $1 style positional marker, not a quote
                    }
                    int close = sql.indexOf(tag, j + 1);
                    return close < 0 ? n : close + tag.length();
                }
                return i;
            }
            default -> {
                return i;
            }
        }
    }

    private static boolean startsWithReadKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
                continue;
            }
            int end = skipQuotedOrComment(sql, i);
            if (end > i && (c == '-' || c == '/')) {
                i = end;
                continue;
            }
            break;
        }
        int j = i;
        while (j < n && Character.isLetter(sql.charAt(j))) {
            j++;
        }
        String keyword = sql.substring(i, j).toUpperCase(Locale.ROOT);
        return keyword.equals("SELECT") || keyword.equals("VALUES") || keyword.equals("EXPLAIN");
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
