package dev.osprey.example;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The service's JSON: one Jackson mapper (snake_case names, ISO-8601 dates and instants, unknown
 * properties, duplicate keys and trailing tokens refused), and request bodies read as JSON trees, so
 * that each field can be checked on its own ({@link BodyFields}) and a field sent as {@code null} told
 * apart from one left out. Immutable and thread-safe.
 */
final class JsonBodies {
    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper of requests and responses. */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The body as a JSON object. */
    ObjectNode object(Context ctx) {
        JsonNode body = read(ctx);
        if (!body.isObject()) {
            throw ApiException.malformedJson("the body must be a JSON object, not " + kind(body));
        }
        return (ObjectNode) body;
    }

    /** The body as a JSON array. */
    ArrayNode array(Context ctx) {
        JsonNode body = read(ctx);
        if (!body.isArray()) {
            throw ApiException.malformedJson("the body must be a JSON array, not " + kind(body));
        }
        return (ArrayNode) body;
    }

    private JsonNode read(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiException.malformedJson("the body is empty");
        }
        try {
            JsonNode body = mapper.readTree(bytes);
            if (body == null || body.isMissingNode()) {
                throw ApiException.malformedJson("the body is empty");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a JSON value is called in messages: "an array", "a string", … */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
