package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.Database;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every response shares: an {@code X-Request-Id} (the client's if it is acceptable, else a new
 * one), JSON bodies, error bodies without internals, and a plain 500 when the database fails.
 */
class ProtocolTest {
    private static final String REQUEST_ID = "X-Request-Id";

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void aClientRequestIdIsEchoedOnSuccessAndInErrorBodies(TestDb t) {
        ServiceClient api = service.client(t);
        String id = "client-Id_1.2";

        Reply created = api.send("POST", "/users", Json.object("name", "Ada", "email", "ada@example.com"), REQUEST_ID, id);
        Reply stats = api.send("GET", "/stats", null, REQUEST_ID, id);
        Reply missing = api.send("GET", "/users/9000000000", null, REQUEST_ID, id);
        Reply invalid = api.send("POST", "/users", "{", REQUEST_ID, id);
        Reply conflict = api.send("POST", "/users", Json.object("name", "Ada", "email", "ada@example.com"), REQUEST_ID, id);

        created.expect(201);
        stats.expect(200);
        assertThat(List.of(created, stats, missing, invalid, conflict)).allSatisfy(reply ->
                assertThat(reply.requestId()).as(reply.toString()).isEqualTo(id));
        assertThat(missing.expectError(404, "not_found", null).get("request_id").asText()).isEqualTo(id);
        assertThat(invalid.expectError(400, "malformed_json", null).get("request_id").asText()).isEqualTo(id);
        assertThat(conflict.expectError(409, "conflict", "email").get("request_id").asText()).isEqualTo(id);
    }

    @OnEachDatabase
    void aRequestIdOfSixtyFourAllowedCharactersIsEchoed(TestDb t) {
        ServiceClient api = service.client(t);
        String id = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";
        assertThat(id).hasSize(64);

        Reply reply = api.send("GET", "/users/9000000000", null, REQUEST_ID, id);

        assertThat(reply.requestId()).isEqualTo(id);
        assertThat(reply.expectError(404, "not_found", null).get("request_id").asText()).isEqualTo(id);
    }

    @OnEachDatabase
    void withoutAClientRequestIdEachResponseGetsANewOne(TestDb t) {
        ServiceClient api = service.client(t);
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 5; i++) {
            Reply ok = api.get("/users");
            Reply error = api.get("/users/abc");
            assertThat(ok.requestId()).as(ok.toString()).isNotBlank();
            assertThat(error.requestId()).as(error.toString()).isNotBlank();
            assertThat(error.expectError(400, "validation_failed", "id").get("request_id").asText()).isEqualTo(error.requestId());
            seen.add(ok.requestId());
            seen.add(error.requestId());
        }

        assertThat(seen).as("a new id for every request").hasSize(10);
    }

    @OnEachDatabase
    void anUnacceptableClientRequestIdIsReplacedWithANewOne(TestDb t) {
        ServiceClient api = service.client(t);
        List<String> unacceptable = List.of("a".repeat(65), "has space", "slash/ed", "<script>", "semi;colon", "quote\"d",
                "per%cent");

        for (String id : unacceptable) {
            Reply ok = api.send("GET", "/stats", null, REQUEST_ID, id);
            Reply error = api.send("GET", "/todos/0", null, REQUEST_ID, id);
            ok.expect(200);
            assertThat(ok.requestId()).as("request id for %s", id).isNotBlank().isNotEqualTo(id);
            assertThat(error.requestId()).as("request id for %s", id).isNotBlank().isNotEqualTo(id);
            assertThat(error.expectError(400, "validation_failed", "id").get("request_id").asText())
                    .isEqualTo(error.requestId());
        }
    }

    @OnEachDatabase
    void everyResponseHasARequestIdAndEveryBodyIsJson(TestDb t) {
        ServiceClient api = service.client(t);
        List<Reply> replies = new ArrayList<>();
        Reply created = api.post("/users", Json.object("name", "Ada", "email", "ada@example.com"));
        long ada = created.expect(201).get("id").asLong();
        replies.add(created);
        replies.add(api.post("/users/bulk", Json.write(ServiceClient.users("b", 2))));
        replies.add(api.get("/users/" + ada));
        replies.add(api.get("/users?name=a&sort=-name&page=1&page_size=5"));
        replies.add(api.patch("/users/" + ada, Json.object("name", "Ada K")));
        replies.add(api.post("/users/" + ada + "/increment", null));
        Reply todo = api.post("/users/" + ada + "/todos", Json.object("title", "one"));
        long todoId = todo.expect(201).get("id").asLong();
        replies.add(todo);
        replies.add(api.post("/users/" + ada + "/todos/bulk", Json.write(List.of(Json.fields("title", "two")))));
        replies.add(api.get("/todos/" + todoId));
        replies.add(api.get("/todos?user_id=" + ada + "&done=false&due_before=2030-01-01&title=o&sort=-title"));
        replies.add(api.patch("/todos/" + todoId, Json.object("done", true)));
        replies.add(api.get("/stats"));
        replies.add(api.post("/users", "{"));
        replies.add(api.post("/users", Json.object("name", "Ada", "email", "ada@example.com")));
        replies.add(api.get("/users/9000000000"));
        replies.add(api.get("/users?page=0"));
        replies.add(api.get("/no/such/route"));
        Reply deletedTodo = api.delete("/todos/" + todoId);
        Reply deletedUser = api.delete("/users/" + ada);
        replies.add(deletedTodo);
        replies.add(deletedUser);

        assertThat(deletedTodo.status()).isEqualTo(204);
        assertThat(deletedUser.status()).isEqualTo(204);
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.requestId()).as("X-Request-Id of %s", reply).isNotBlank();
            if (!reply.body().isEmpty()) {
                assertThat(reply.header("Content-Type")).as("Content-Type of %s", reply).startsWith("application/json");
                reply.json();
            }
        });
        assertThat(List.of(deletedTodo, deletedUser)).allSatisfy(reply -> assertThat(reply.body()).isEmpty());
    }

    @OnEachDatabase
    void anUnknownRouteIsANotFoundErrorBody(TestDb t) {
        ServiceClient api = service.client(t);

        api.get("/no/such/route").expectError(404, "not_found", null);
        api.send("PUT", "/users/1", Json.object("name", "Ada")).expectError(404, "not_found", null);
    }

    @OnEachDatabase
    void errorBodiesShowNoSqlOrStackTraces(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        api.createUserId("Bob", "bob@example.com");
        List<Map.Entry<Reply, String>> errors = List.of(
                Map.entry(api.post("/users", Json.object("name", "Ada", "email", "ada@example.com")), "conflict"),
                Map.entry(api.patch("/users/" + ada, Json.object("email", "bob@example.com")), "conflict"),
                Map.entry(api.post("/users/bulk", Json.write(List.of(Json.fields("name", "X", "email", "bob@example.com")))), "conflict"),
                Map.entry(api.post("/users", "{\"name\": \"Ada\", \"email\": }"), "malformed_json"),
                Map.entry(api.post("/users", "[1, 2]"), "malformed_json"),
                Map.entry(api.post("/users", Json.object("name", 5, "email", "x@example.com")), "validation_failed"),
                Map.entry(api.post("/users/" + ada + "/todos", Json.object("title", "x", "due_date", "tomorrow")), "validation_failed"),
                Map.entry(api.post("/users", Json.object("name", "X", "email", "x@example.com", "drop", "table")), "validation_failed"),
                Map.entry(api.get("/users/99999999999999999999"), "validation_failed"),
                Map.entry(api.get(ServiceClient.query("/users", "sort", "name;DROP TABLE users")), "validation_failed"),
                Map.entry(api.get("/users?page=9223372036854775807"), "validation_failed"),
                Map.entry(api.get("/todos/9000000000"), "not_found"));

        assertThat(errors).allSatisfy(error -> {
            Reply reply = error.getKey();
            assertThat(reply.json().path("error").asText()).as(reply.toString()).isEqualTo(error.getValue());
            reply.assertNoLeaks();
        });
        assertThat(running.rows("users")).isEqualTo(2);
    }

    @OnEachDatabase
    void aFailingDatabaseGivesAnInternalErrorWithoutDetails(TestDb t) {
        RunningService running = service.on(t);
        Database failing = ExampleDatabases.connect(running.databaseUrl());
        try (TodoService broken = TodoService.start(failing, 0); ServiceClient api = new ServiceClient(broken.url())) {
            long ada = running.client().createUserId("Ada", "ada@example.com");
            api.get("/users/" + ada).expect(200);
            failing.close();

            List<Reply> replies = List.of(
                    api.get("/users/" + ada),
                    api.get("/users"),
                    api.post("/users", Json.object("name", "Bob", "email", "bob@example.com")),
                    api.post("/users/" + ada + "/increment", null),
                    api.send("GET", "/stats", null, REQUEST_ID, "trace-500"));

            assertThat(replies).allSatisfy(reply -> {
                JsonNode error = reply.expectError(500, "internal", null);
                assertThat(error.get("message").asText()).isEqualTo("internal error");
            });
            assertThat(replies.getLast().json().get("request_id").asText()).isEqualTo("trace-500");
        } finally {
            failing.close();
        }
        assertThat(running.client().get("/users").expect(200).get("total").asLong()).as("the shared service is unaffected").isEqualTo(1);
    }
}
