package dev.osprey.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes request bodies and reads response bodies as plain JSON trees; the tests never share the service's classes. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An ordered JSON object from alternating keys and values; a {@code null} value is written as JSON null. */
    static Map<String, Object> fields(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /** {@link #fields} as JSON text. */
    static String object(Object... keysAndValues) {
        return write(fields(keysAndValues));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Parses {@code text}; a body that is not JSON fails the test and shows what came back. */
    static JsonNode parse(String text, String context) {
        if (text == null || text.isBlank()) {
            throw new AssertionError(context + ": expected a JSON body, got an empty one");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(context + ": expected a JSON body, got: " + text, e);
        }
    }

    /** The elements of a JSON array as a list. */
    static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new AssertionError("expected a JSON array, got: " + array);
        }
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** The {@code field} of each element, as longs (ids). */
    static List<Long> longs(JsonNode array, String field) {
        return elements(array).stream().map(e -> e.get(field).asLong()).toList();
    }

    /** The ids of a page's {@code items}. */
    static List<Long> itemIds(JsonNode page) {
        return longs(page.get("items"), "id");
    }

    /** The {@code field} of each element, as text. */
    static List<String> texts(JsonNode array, String field) {
        return elements(array).stream().map(e -> e.get(field).asText()).toList();
    }
}
