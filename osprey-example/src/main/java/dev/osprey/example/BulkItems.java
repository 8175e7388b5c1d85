package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The body of a bulk request: an array of 1 to 5000 objects, each read and checked before any of them
 * reaches the database. Stateless and thread-safe.
 */
final class BulkItems {
    static final int MAX_ITEMS = 5000;

    private BulkItems() {
    }

    /** Every item of {@code array} read by {@code reader} (given the object and its prefix, {@code items[3].}). */
    static <T> List<T> read(ArrayNode array, BiFunction<ObjectNode, String, T> reader) {
        if (array.isEmpty() || array.size() > MAX_ITEMS) {
            throw ApiException.invalid("items", "a bulk request holds 1 to " + MAX_ITEMS + " items, not " + array.size());
        }
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw ApiException.malformedJson("items[" + i + "] must be a JSON object, not " + JsonBodies.kind(item));
            }
            items.add(reader.apply((ObjectNode) item, "items[" + i + "]."));
        }
        return items;
    }
}
