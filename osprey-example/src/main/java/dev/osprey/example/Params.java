package dev.osprey.example;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Path and query parameters, parsed and checked: a bad one is an {@link ApiException#invalid} naming
 * the parameter. Query parameters that are left out give null; unknown ones are never looked at.
 * Stateless and thread-safe.
 */
final class Params {
    private Params() {
    }

    /** The path's {@code {id}}: a positive integer that fits in a long. */
    static long id(Context ctx) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "id must be a positive integer");
        }
        if (id < 1) {
            throw ApiException.invalid("id", "id must be a positive integer");
        }
        return id;
    }

    /** A query parameter as it was sent, or null. */
    static String text(Context ctx, String name) {
        return ctx.queryParam(name);
    }

    /** An integer query parameter, or null. */
    static Long integer(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be an integer");
        }
    }

    /** {@code true} or {@code false}, or null. */
    static Boolean bool(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, name + " must be true or false");
        };
    }

    /** An ISO date ({@code 2026-12-01}), or null. */
    static LocalDate date(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " must be a date like 2026-12-01");
        }
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when left out. */
    static long bounded(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw ApiException.invalid(name, name + " must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
