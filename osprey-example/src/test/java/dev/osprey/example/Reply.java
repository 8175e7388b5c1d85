package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP response from the service, with the request it answered (for failure messages) and the
 * contract's checks on it: the expected status, and the exact shape of an error body.
 */
record Reply(String request, int status, HttpHeaders headers, String body) {

    /** Text that must never reach a client: SQL, driver messages, class names, stack frames. */
    static final List<String> LEAKS = List.of("INSERT", "SELECT", "UPDATE ", "DELETE FROM", "Exception", "\tat ",
            "at dev.", "at java.", "dev.osprey.", "java.lang", "com.fasterxml", "SQLState", "SQLITE_",
            "constraint failed", "duplicate key", "Duplicate entry");

    JsonNode json() {
        return Json.parse(body, request);
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String requestId() {
        return header("X-Request-Id");
    }

    /** Asserts the status and gives the JSON body ({@code null} when there is none). */
    JsonNode expect(int expected) {
        assertThat(status).as("status of %s (body: %s)", request, body).isEqualTo(expected);
        if (body.isEmpty()) {
            return null;
        }
        assertThat(header("Content-Type")).as("Content-Type of %s", request).startsWith("application/json");
        return json();
    }

    /**
     * Asserts the contract's error response: the status, {@code error} code, {@code field} (JSON null
     * when {@code field} is null), a human message, the request id repeated from the header, and no
     * internals in the body.
     */
    JsonNode expectError(int expectedStatus, String error, String field) {
        assertThat(status).as("status of %s (body: %s)", request, body).isEqualTo(expectedStatus);
        assertThat(header("Content-Type")).as("Content-Type of %s", request).startsWith("application/json");
        JsonNode json = json();
        assertThat(json.isObject()).as("%s: error body is an object: %s", request, body).isTrue();
        assertThat(json.path("error").asText(null)).as("%s: error code in %s", request, body).isEqualTo(error);
        assertThat(json.has("field")).as("%s: error body has a field member: %s", request, body).isTrue();
        if (field == null) {
            assertThat(json.get("field").isNull()).as("%s: field is null in %s", request, body).isTrue();
        } else {
            assertThat(json.get("field").asText(null)).as("%s: field in %s", request, body).isEqualTo(field);
        }
        assertThat(json.path("message").asText("")).as("%s: message in %s", request, body).isNotBlank();
        assertThat(json.path("request_id").asText(null)).as("%s: request_id in %s", request, body)
                .isNotBlank()
                .isEqualTo(requestId());
        assertNoLeaks();
        return json;
    }

    /** Asserts that the body shows no SQL, driver text or stack trace. */
    void assertNoLeaks() {
        for (String leak : LEAKS) {
            assertThat(body).as("%s leaks internals (%s)", request, leak.strip()).doesNotContain(leak);
        }
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + body;
    }
}
