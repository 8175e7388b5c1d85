package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies the service must refuse before touching the database: malformed JSON, wrong types,
 * unknown fields, missing, blank and oversized values, bad bulk arrays. Each refusal is the error
 * JSON naming the field, and leaves no row behind.
 */
class ValidationTest {
    private static final String UNKNOWN = "/users/9000000000";

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void bodiesThatAreNotJsonAreMalformed(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "one");

        for (String body : List.of("{\"name\": \"Bob\",", "not json", "", "{'name': 'Bob'}",
                "{\"name\": \"Bob\", \"name\": \"Rob\", \"email\": \"bob@example.com\"}",
                "{\"name\": \"Bob\", \"email\": \"bob@example.com\"} trailing")) {
            api.post("/users", body).expectError(400, "malformed_json", null);
            api.post("/users/bulk", "[" + body).expectError(400, "malformed_json", null);
            api.patch("/users/" + ada, body).expectError(400, "malformed_json", null);
            api.post("/users/" + ada + "/todos", body).expectError(400, "malformed_json", null);
            api.post("/users/" + ada + "/todos/bulk", "[" + body).expectError(400, "malformed_json", null);
            api.patch("/todos/" + todo, body).expectError(400, "malformed_json", null);
        }
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isEqualTo(1);
    }

    @OnEachDatabase
    void jsonOfTheWrongShapeIsMalformed(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "one");
        String user = Json.object("name", "Bob", "email", "bob@example.com");

        for (String body : List.of("[" + user + "]", "\"Bob\"", "42", "null", "true")) {
            api.post("/users", body).expectError(400, "malformed_json", null);
            api.patch("/users/" + ada, body).expectError(400, "malformed_json", null);
            api.post("/users/" + ada + "/todos", body.replace("Bob", "x")).expectError(400, "malformed_json", null);
            api.patch("/todos/" + todo, body).expectError(400, "malformed_json", null);
        }
        for (String body : List.of(user, "\"Bob\"", "42", "null")) {
            api.post("/users/bulk", body).expectError(400, "malformed_json", null);
            api.post("/users/" + ada + "/todos/bulk", body).expectError(400, "malformed_json", null);
        }
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isEqualTo(1);
    }

    @OnEachDatabase
    void aFieldOfTheWrongTypeIsNamed(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "one");

        for (Object name : List.of(5, true, 1.5, List.of("Bob"), Map.of("first", "Bob"))) {
            api.post("/users", Json.object("name", name, "email", "bob@example.com")).expectError(400, "validation_failed", "name");
            api.patch("/users/" + ada, Json.object("name", name)).expectError(400, "validation_failed", "name");
        }
        api.post("/users", Json.object("name", "Bob", "email", 5)).expectError(400, "validation_failed", "email");
        api.patch("/users/" + ada, Json.object("email", List.of("a@b.c"))).expectError(400, "validation_failed", "email");

        api.post("/users/" + ada + "/todos", Json.object("title", 5)).expectError(400, "validation_failed", "title");
        api.patch("/todos/" + todo, Json.object("title", false)).expectError(400, "validation_failed", "title");
        for (Object done : List.of("yes", "true", 1, List.of(true))) {
            api.post("/users/" + ada + "/todos", Json.object("title", "x", "done", done)).expectError(400, "validation_failed", "done");
            api.patch("/todos/" + todo, Json.object("done", done)).expectError(400, "validation_failed", "done");
        }
        for (Object due : List.of("tomorrow", 20261201, "2026-02-30", "2026-12-01T10:00:00Z", "01/12/2026", true)) {
            api.post("/users/" + ada + "/todos", Json.object("title", "x", "due_date", due)).expectError(400, "validation_failed", "due_date");
            api.patch("/todos/" + todo, Json.object("due_date", due)).expectError(400, "validation_failed", "due_date");
        }
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isEqualTo(1);
        assertThat(api.get("/todos/" + todo).expect(200).get("done").asBoolean()).isFalse();
    }

    @OnEachDatabase
    void aWrongTypeInABulkItemIsNamedWithItsIndex(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        List<Map<String, Object>> users = ServiceClient.users("bulk", 5);
        users.get(3).put("name", 5);
        List<Map<String, Object>> todos = new ArrayList<>(List.of(Json.fields("title", "a"), Json.fields("title", "b"),
                Json.fields("title", "c", "done", "yes")));

        api.post("/users/bulk", Json.write(users)).expectError(400, "validation_failed", "items[3].name");
        api.post("/users/" + ada + "/todos/bulk", Json.write(todos)).expectError(400, "validation_failed", "items[2].done");
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isZero();
    }

    @OnEachDatabase
    void anUnknownFieldIsNamed(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "one");

        api.post("/users", Json.object("name", "Bob", "email", "bob@example.com", "admin", true))
                .expectError(400, "validation_failed", "admin");
        api.patch("/users/" + ada, Json.object("nickname", "Countess")).expectError(400, "validation_failed", "nickname");
        api.post("/users/" + ada + "/todos", Json.object("title", "x", "priority", 1)).expectError(400, "validation_failed", "priority");
        api.patch("/todos/" + todo, Json.object("done", true, "colour", "red")).expectError(400, "validation_failed", "colour");

        List<Map<String, Object>> users = ServiceClient.users("bulk", 3);
        users.get(1).put("admin", true);
        api.post("/users/bulk", Json.write(users)).expectError(400, "validation_failed", "items[1].admin");
        api.post("/users/" + ada + "/todos/bulk", Json.write(List.of(Json.fields("title", "x", "priority", 1))))
                .expectError(400, "validation_failed", "items[0].priority");

        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isEqualTo(1);
        assertThat(api.get("/todos/" + todo).expect(200).get("done").asBoolean()).isFalse();
    }

    @OnEachDatabase
    void fieldsTheServiceSetsAreUnknownInRequests(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "one");

        api.post("/users", Json.object("name", "Bob", "email", "bob@example.com", "count", 5))
                .expectError(400, "validation_failed", "count");
        api.post("/users", Json.object("id", 1, "name", "Bob", "email", "bob@example.com"))
                .expectError(400, "validation_failed", "id");
        api.patch("/users/" + ada, Json.object("created_at", "2020-01-01T00:00:00Z")).expectError(400, "validation_failed", "created_at");
        api.post("/users/" + ada + "/todos", Json.object("title", "x", "user_id", ada)).expectError(400, "validation_failed", "user_id");
        api.patch("/todos/" + todo, Json.object("user_id", ada)).expectError(400, "validation_failed", "user_id");

        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isEqualTo(1);
    }

    @OnEachDatabase
    void aMissingNullOrBlankNameIsRefused(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");

        api.post("/users", Json.object("email", "bob@example.com")).expectError(400, "validation_failed", "name");
        for (Object name : java.util.Arrays.asList(null, "", "   ", "\t\n")) {
            api.post("/users", Json.object("name", name, "email", "bob@example.com")).expectError(400, "validation_failed", "name");
            api.patch("/users/" + ada, Json.object("name", name)).expectError(400, "validation_failed", "name");
        }
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(api.get("/users/" + ada).expect(200).get("name").asText()).isEqualTo("Ada");
    }

    @OnEachDatabase
    void aNullDoneIsRefusedOnCreateAndPatch(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "one", "done", true);

        api.post("/users/" + ada + "/todos", Json.object("title", "x", "done", null)).expectError(400, "validation_failed", "done");
        api.patch("/todos/" + todo, Json.object("done", null)).expectError(400, "validation_failed", "done");

        assertThat(api.get("/todos/" + todo).expect(200).get("done").asBoolean()).isTrue();
        assertThat(running.rows("todos")).isEqualTo(1);
    }

    @OnEachDatabase
    void lengthsCountCharactersSoEmojiFitAsManyAsLetters(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        String smile = "\uD83D\uDE00";                           // one character, two UTF-16 units, four UTF-8 bytes
        long ada = api.createUserId(smile.repeat(100), "ada@example.com");
        JsonNode todo = api.createTodo(ada, "title", smile.repeat(200));

        api.post("/users", Json.object("name", smile.repeat(101), "email", "bob@example.com")).expectError(400, "validation_failed", "name");
        api.post("/users/" + ada + "/todos", Json.object("title", smile.repeat(201))).expectError(400, "validation_failed", "title");

        assertThat(api.get("/users/" + ada).expect(200).get("name").asText()).isEqualTo(smile.repeat(100));
        assertThat(api.get("/todos/" + todo.get("id").asLong()).expect(200).get("title").asText()).isEqualTo(smile.repeat(200));
        assertThat(running.rows("users")).isEqualTo(1);
    }

    @OnEachDatabase
    void aNameOfAHundredCharactersIsAcceptedAndOneMoreIsRefused(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("n".repeat(100), "ada@example.com");

        api.post("/users", Json.object("name", "n".repeat(101), "email", "bob@example.com")).expectError(400, "validation_failed", "name");
        api.patch("/users/" + ada, Json.object("name", "m".repeat(101))).expectError(400, "validation_failed", "name");
        assertThat(api.patch("/users/" + ada, Json.object("name", "m".repeat(100))).expect(200).get("name").asText())
                .isEqualTo("m".repeat(100));
        assertThat(running.rows("users")).isEqualTo(1);
    }

    @OnEachDatabase
    void aMissingOrMalformedEmailIsRefused(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");

        api.post("/users", Json.object("name", "Bob")).expectError(400, "validation_failed", "email");
        for (Object email : java.util.Arrays.asList(null, "", "   ", "bob", "@example.com", "bob@", "bob@@example.com",
                "bob@mail@example.com", "@")) {
            api.post("/users", Json.object("name", "Bob", "email", email)).expectError(400, "validation_failed", "email");
            api.patch("/users/" + ada, Json.object("email", email)).expectError(400, "validation_failed", "email");
        }
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(api.get("/users/" + ada).expect(200).get("email").asText()).isEqualTo("ada@example.com");
    }

    @OnEachDatabase
    void anEmailOf255CharactersIsAcceptedAnd256IsRefused(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        String longest = "a".repeat(243) + "@example.com";
        String tooLong = "b".repeat(244) + "@example.com";
        assertThat(longest).hasSize(255);
        assertThat(tooLong).hasSize(256);

        long id = api.createUserId("Ada", longest);
        api.post("/users", Json.object("name", "Bob", "email", tooLong)).expectError(400, "validation_failed", "email");
        api.patch("/users/" + id, Json.object("email", tooLong)).expectError(400, "validation_failed", "email");

        assertThat(api.get("/users/" + id).expect(200).get("email").asText()).isEqualTo(longest);
        assertThat(running.rows("users")).isEqualTo(1);
    }

    @OnEachDatabase
    void aMissingBlankOrOversizedTitleIsRefused(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long todo = api.createTodoId(ada, "title", "t".repeat(200));

        api.post("/users/" + ada + "/todos", Json.object("done", true)).expectError(400, "validation_failed", "title");
        for (Object title : java.util.Arrays.asList(null, "", "   ", "x".repeat(201))) {
            api.post("/users/" + ada + "/todos", Json.object("title", title)).expectError(400, "validation_failed", "title");
            api.patch("/todos/" + todo, Json.object("title", title)).expectError(400, "validation_failed", "title");
        }
        assertThat(api.get("/todos/" + todo).expect(200).get("title").asText()).isEqualTo("t".repeat(200));
        assertThat(running.rows("todos")).isEqualTo(1);
    }

    @OnEachDatabase
    void invalidBulkItemsAreNamedWithTheirIndex(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");

        List<Map<String, Object>> users = ServiceClient.users("bulk", 10);
        users.get(7).remove("email");
        api.post("/users/bulk", Json.write(users)).expectError(400, "validation_failed", "items[7].email");
        users = ServiceClient.users("bulk", 10);
        users.get(0).put("name", "n".repeat(101));
        api.post("/users/bulk", Json.write(users)).expectError(400, "validation_failed", "items[0].name");
        users = ServiceClient.users("bulk", 10);
        users.get(9).put("email", "not-an-email");
        api.post("/users/bulk", Json.write(users)).expectError(400, "validation_failed", "items[9].email");

        List<Map<String, Object>> todos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            todos.add(Json.fields("title", "t" + i));
        }
        todos.get(4).put("title", " ");
        api.post("/users/" + ada + "/todos/bulk", Json.write(todos)).expectError(400, "validation_failed", "items[4].title");

        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isZero();
    }

    @OnEachDatabase
    void anEmptyBulkOrOneOverFiveThousandItemsIsRefusedNamingItems(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        List<Map<String, Object>> todos = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            todos.add(Json.fields("title", "t" + i));
        }

        api.post("/users/bulk", "[]").expectError(400, "validation_failed", "items");
        api.post("/users/bulk", Json.write(ServiceClient.users("over", 5001))).expectError(400, "validation_failed", "items");
        api.post("/users/" + ada + "/todos/bulk", "[]").expectError(400, "validation_failed", "items");
        api.post("/users/" + ada + "/todos/bulk", Json.write(todos)).expectError(400, "validation_failed", "items");

        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isZero();
    }

    @OnEachDatabase
    void validationComesBeforeLookingUpTheId(TestDb t) {
        ServiceClient api = service.client(t);

        api.patch(UNKNOWN, Json.object("name", "")).expectError(400, "validation_failed", "name");
        api.post(UNKNOWN + "/todos", Json.object("title", "")).expectError(400, "validation_failed", "title");
        api.post(UNKNOWN + "/todos/bulk", "[]").expectError(400, "validation_failed", "items");
        api.patch("/todos/9000000000", Json.object("done", "yes")).expectError(400, "validation_failed", "done");
        api.patch(UNKNOWN, "{").expectError(400, "malformed_json", null);
    }

    @OnEachDatabase
    void badTodoFiltersAreRefusedNamingTheParameter(TestDb t) {
        ServiceClient api = service.client(t);

        for (String userId : List.of("abc", "1.5", "99999999999999999999")) {
            api.get(ServiceClient.query("/todos", "user_id", userId)).expectError(400, "validation_failed", "user_id");
        }
        for (String done : List.of("yes", "maybe", "2")) {
            api.get(ServiceClient.query("/todos", "done", done)).expectError(400, "validation_failed", "done");
        }
        for (String date : List.of("tomorrow", "2026-02-30", "2026-13-01", "01/12/2026")) {
            api.get(ServiceClient.query("/todos", "due_before", date)).expectError(400, "validation_failed", "due_before");
        }
    }
}
