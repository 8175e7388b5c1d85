package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * The fields of one JSON object of a request body, read and checked one by one. A failure is an
 * {@link ApiException#invalid} naming the field with its place in the body ({@code name}, or
 * {@code items[3].name} in a bulk request). Fields left out are told apart from fields sent as
 * {@code null}. Not thread-safe; made for one request.
 */
final class BodyFields {
    private final ObjectNode node;
    private final String prefix;

    /**
     * @param prefix how the object is named in the body: {@code ""}, or {@code "items[3]."}
     * @param known  the fields the object may have; any other is refused
     */
    BodyFields(ObjectNode node, String prefix, Set<String> known) {
        this.node = node;
        this.prefix = prefix;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.invalid(prefix + name, "unknown field " + prefix + name);
            }
        }
    }

    /** Whether the field was sent, even as {@code null}. */
    boolean has(String name) {
        return node.has(name);
    }

    /** A string that must be sent, not blank, of at most {@code maxLength} characters. */
    String requiredText(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw invalid(name, "is required");
        }
        return text(name, value, maxLength);
    }

    /** {@link #requiredText} when the field was sent, else null; an explicit null is refused. */
    String optionalText(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            throw invalid(name, "must not be null");
        }
        return text(name, value, maxLength);
    }

    /** A {@link #requiredText} that is an email address: a single {@code @} with text on both sides. */
    String requiredEmail(String name, int maxLength) {
        return email(name, requiredText(name, maxLength));
    }

    /** {@link #requiredEmail} when the field was sent, else null; an explicit null is refused. */
    String optionalEmail(String name, int maxLength) {
        String email = optionalText(name, maxLength);
        return email == null ? null : email(name, email);
    }

    /** A boolean when the field was sent, else null; an explicit null is refused. */
    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false, not " + JsonBodies.kind(value));
        }
        return value.booleanValue();
    }

    /** An ISO date ({@code "2026-12-01"}), or null when the field was left out or sent as null. */
    LocalDate date(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(name, "must be a date like \"2026-12-01\", not " + JsonBodies.kind(value));
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date like \"2026-12-01\"");
        }
    }

    private String email(String name, String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1
                || email.substring(0, at).isBlank() || email.substring(at + 1).isBlank()) {
            throw invalid(name, "must be an email address: a single @ with text on both sides");
        }
        return email;
    }

    private String text(String name, JsonNode value, int maxLength) {
        if (!value.isTextual()) {
            throw invalid(name, "must be a string, not " + JsonBodies.kind(value));
        }
        String text = value.textValue();
        if (text.isBlank()) {
            throw invalid(name, "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    ApiException invalid(String name, String problem) {
        return ApiException.invalid(prefix + name, prefix + name + " " + problem);
    }
}
