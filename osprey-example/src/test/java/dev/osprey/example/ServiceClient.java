package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP/1.1 to a running service with {@link HttpClient}, plus the few creation steps most tests
 * start with. Safe to share between threads (the JDK client is).
 */
final class ServiceClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    ServiceClient(String base) {
        this.base = base;
    }

    /** {@code path} with query parameters from alternating names and values, the values URL-encoded. */
    static String query(String path, String... namesAndValues) {
        StringBuilder uri = new StringBuilder(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            uri.append(i == 0 ? '?' : '&').append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return uri.toString();
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    Reply patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** One request and its response; {@code headers} are alternating names and values. */
    Reply send(String method, String path, String body, String... headers) {
        CompletableFuture<Reply> reply = sendAsync(method, path, body, headers);
        try {
            return reply.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " " + path + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new AssertionError(method + " " + path + " got no response", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    CompletableFuture<Reply> sendAsync(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        String described = method + " " + path + (body == null ? "" : " " + abbreviate(body));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Reply(described, response.statusCode(), response.headers(), response.body()));
    }

    // ---------------------------------------------------------------- creation steps

    /** Creates a user and gives its JSON (201 asserted). */
    JsonNode createUser(String name, String email) {
        return post("/users", Json.object("name", name, "email", email)).expect(201);
    }

    long createUserId(String name, String email) {
        return createUser(name, email).get("id").asLong();
    }

    /** Creates users in one bulk request and gives their JSON in request order (201 asserted). */
    List<JsonNode> createUsers(List<Map<String, Object>> users) {
        JsonNode created = post("/users/bulk", Json.write(users)).expect(201);
        assertThat(created.size()).as("users created by bulk").isEqualTo(users.size());
        return Json.elements(created);
    }

    /** {@code count} users named {@code prefix-n} with emails {@code prefix-n@example.com}, as bulk items. */
    static List<Map<String, Object>> users(String prefix, int count) {
        List<Map<String, Object>> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(Json.fields("name", prefix + "-" + i, "email", prefix + "-" + i + "@example.com"));
        }
        return users;
    }

    /** Creates a todo for {@code userId} from alternating field names and values; gives its JSON (201 asserted). */
    JsonNode createTodo(long userId, Object... fields) {
        return post("/users/" + userId + "/todos", Json.object(fields)).expect(201);
    }

    long createTodoId(long userId, Object... fields) {
        return createTodo(userId, fields).get("id").asLong();
    }

    /** Calls increment {@code times} times, one after the other. */
    void increment(long userId, int times) {
        for (int i = 0; i < times; i++) {
            post("/users/" + userId + "/increment", null).expect(200);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "… (" + body.length() + " chars)";
    }

    @Override
    public void close() {
        http.close();
    }
}
