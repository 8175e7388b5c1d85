package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.osprey.example.ServiceClient.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The user endpoints when everything is valid: create, bulk create, get, list by name, patch, delete, increment. */
class UsersTest {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void createdUserHasAnIdZeroCountAndUtcCreationTimeAndALocation(TestDb t) {
        ServiceClient api = service.client(t);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Reply reply = api.post("/users", Json.object("name", "Ada", "email", "ada@example.com"));

        JsonNode user = reply.expect(201);
        long id = user.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(user.get("name").asText()).isEqualTo("Ada");
        assertThat(user.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(user.get("count").isInt()).as("count is a JSON number: %s", user).isTrue();
        assertThat(user.get("count").asInt()).isZero();
        String createdAt = user.get("created_at").asText();
        assertThat(createdAt).matches(TIMESTAMP);
        assertThat(Instant.parse(createdAt)).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(fieldNames(user)).containsExactlyInAnyOrder("id", "name", "email", "count", "created_at");
        assertThat(reply.header("Location")).isEqualTo("/users/" + id);
    }

    @OnEachDatabase
    void userReadBackEqualsTheCreatedOne(TestDb t) {
        ServiceClient api = service.client(t);
        JsonNode created = api.createUser("Ada", "ada@example.com");

        JsonNode read = api.get("/users/" + created.get("id").asLong()).expect(200);

        assertThat(read).isEqualTo(created);
    }

    @OnEachDatabase
    void nonAsciiNamesOfTheFullLengthAreKeptWhole(TestDb t) {
        ServiceClient api = service.client(t);
        String name = "é".repeat(97) + "日本語";                // 100 characters, more than 100 bytes
        long id = api.createUserId(name, "zoe@example.com");

        assertThat(api.get("/users/" + id).expect(200).get("name").asText()).isEqualTo(name);
    }

    @OnEachDatabase
    void bulkCreateReturnsTheUsersWithIdsInRequestOrder(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        List<Map<String, Object>> items = List.of(
                Json.fields("name", "Zed", "email", "zed@example.com"),
                Json.fields("name", "Ada", "email", "ada@example.com"),
                Json.fields("name", "Mia", "email", "mia@example.com"));

        Reply reply = api.post("/users/bulk", Json.write(items));

        JsonNode created = reply.expect(201);
        assertThat(Json.texts(created, "name")).containsExactly("Zed", "Ada", "Mia");
        assertThat(Json.texts(created, "email")).containsExactly("zed@example.com", "ada@example.com", "mia@example.com");
        assertThat(Json.longs(created, "id")).doesNotHaveDuplicates().allMatch(id -> id > 0);
        for (JsonNode user : created) {
            assertThat(user.get("count").asInt()).isZero();
            assertThat(user.get("created_at").asText()).matches(TIMESTAMP);
            assertThat(api.get("/users/" + user.get("id").asLong()).expect(200)).isEqualTo(user);
        }
        assertThat(running.rows("users")).isEqualTo(3);
    }

    @OnEachDatabase
    void bulkCreateOfTheMaximumFiveThousandUsersKeepsRequestOrder(TestDb t) {
        RunningService running = service.on(t);
        List<Map<String, Object>> items = ServiceClient.users("max", 5000);

        List<JsonNode> created = running.client().createUsers(items);

        assertThat(created).extracting(u -> u.get("email").asText())
                .containsExactlyElementsOf(items.stream().map(i -> (String) i.get("email")).toList());
        assertThat(created).extracting(u -> u.get("id").asLong()).doesNotHaveDuplicates();
        assertThat(running.rows("users")).isEqualTo(5000);
    }

    @OnEachDatabase
    void listFiltersByNameCaseInsensitively(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada Lovelace", "ada@example.com");
        long adam = api.createUserId("ADAM", "adam@example.com");
        api.createUserId("Grace Hopper", "grace@example.com");
        long madam = api.createUserId("madam", "madam@example.com");

        JsonNode page = api.get(query("/users", "name", "aDa")).expect(200);

        assertThat(Json.longs(page.get("items"), "id")).containsExactly(ada, adam, madam);
        assertThat(page.get("total").asLong()).isEqualTo(3);
    }

    @OnEachDatabase
    void nameFilterMatchesPercentAndUnderscoreLiterally(TestDb t) {
        ServiceClient api = service.client(t);
        long percent = api.createUserId("50% off", "percent@example.com");
        api.createUserId("5000 off", "plain@example.com");
        long underscore = api.createUserId("a_b", "underscore@example.com");
        api.createUserId("axb", "axb@example.com");

        assertThat(Json.itemIds(api.get(query("/users", "name", "0%")).expect(200))).containsExactly(percent);
        assertThat(Json.itemIds(api.get(query("/users", "name", "%")).expect(200))).containsExactly(percent);
        assertThat(Json.itemIds(api.get(query("/users", "name", "a_b")).expect(200))).containsExactly(underscore);
        assertThat(Json.itemIds(api.get(query("/users", "name", "_")).expect(200))).containsExactly(underscore);
    }

    @OnEachDatabase
    void listWithoutFiltersGivesEveryUserAndIgnoresUnknownParameters(TestDb t) {
        ServiceClient api = service.client(t);
        long first = api.createUserId("Ann", "ann@example.com");
        long second = api.createUserId("Bob", "bob@example.com");

        JsonNode page = api.get(query("/users", "colour", "blue")).expect(200);

        assertThat(Json.itemIds(page)).containsExactly(first, second);
        assertThat(page.get("page").asLong()).isEqualTo(1);
        assertThat(page.get("page_size").asLong()).isEqualTo(20);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0)).isEqualTo(api.get("/users/" + first).expect(200));
    }

    @OnEachDatabase
    void patchChangesOnlyTheFieldsSent(TestDb t) {
        ServiceClient api = service.client(t);
        JsonNode ada = api.createUser("Ada", "ada@example.com");
        long id = ada.get("id").asLong();
        api.increment(id, 2);

        JsonNode renamed = api.patch("/users/" + id, Json.object("name", "Ada King")).expect(200);

        assertThat(renamed.get("name").asText()).isEqualTo("Ada King");
        assertThat(renamed.get("email")).isEqualTo(ada.get("email"));
        assertThat(renamed.get("count").asInt()).isEqualTo(2);
        assertThat(renamed.get("created_at")).isEqualTo(ada.get("created_at"));

        JsonNode moved = api.patch("/users/" + id, Json.object("email", "king@example.com")).expect(200);

        assertThat(moved.get("name").asText()).isEqualTo("Ada King");
        assertThat(moved.get("email").asText()).isEqualTo("king@example.com");
        assertThat(api.get("/users/" + id).expect(200)).isEqualTo(moved);
    }

    @OnEachDatabase
    void patchWithBothFieldsChangesBoth(TestDb t) {
        ServiceClient api = service.client(t);
        long id = api.createUserId("Ada", "ada@example.com");

        JsonNode patched = api.patch("/users/" + id, Json.object("name", "Bea", "email", "bea@example.com")).expect(200);

        assertThat(patched.get("name").asText()).isEqualTo("Bea");
        assertThat(patched.get("email").asText()).isEqualTo("bea@example.com");
        assertThat(api.get("/users/" + id).expect(200)).isEqualTo(patched);
    }

    @OnEachDatabase
    void patchKeepingTheUsersOwnEmailIsNoConflict(TestDb t) {
        ServiceClient api = service.client(t);
        long id = api.createUserId("Ada", "ada@example.com");

        JsonNode patched = api.patch("/users/" + id, Json.object("name", "Ada", "email", "ada@example.com")).expect(200);

        assertThat(patched.get("email").asText()).isEqualTo("ada@example.com");
    }

    @OnEachDatabase
    void deleteAnswersNoContentAndTheUserIsGone(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");

        Reply reply = api.delete("/users/" + ada);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        api.get("/users/" + ada).expectError(404, "not_found", null);
        api.delete("/users/" + ada).expectError(404, "not_found", null);
        api.get("/users/" + bob).expect(200);
        assertThat(running.rows("users")).isEqualTo(1);
    }

    @OnEachDatabase
    void deletingAUserDeletesItsTodosAndNoOtherUsers(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        List<Long> adasTodos = List.of(
                api.createTodoId(ada, "title", "one"),
                api.createTodoId(ada, "title", "two", "done", true),
                api.createTodoId(ada, "title", "three", "due_date", "2026-12-01"));
        long bobsTodo = api.createTodoId(bob, "title", "bob's");

        api.delete("/users/" + ada).expect(204);

        for (long todo : adasTodos) {
            api.get("/todos/" + todo).expectError(404, "not_found", null);
        }
        api.get("/todos/" + bobsTodo).expect(200);
        assertThat(running.rows("todos")).isEqualTo(1);
        assertThat(running.db().query("SELECT COUNT(*) AS n FROM todos WHERE user_id = ?", ada).join()
                .getFirst().getLong("n")).isZero();
        assertThat(Json.itemIds(api.get(query("/todos", "user_id", Long.toString(ada))).expect(200))).isEmpty();
    }

    @OnEachDatabase
    void incrementAddsOneAndReturnsTheUser(TestDb t) {
        ServiceClient api = service.client(t);
        JsonNode ada = api.createUser("Ada", "ada@example.com");
        long id = ada.get("id").asLong();

        JsonNode once = api.post("/users/" + id + "/increment", null).expect(200);
        JsonNode twice = api.post("/users/" + id + "/increment", null).expect(200);

        assertThat(once.get("count").asInt()).isEqualTo(1);
        assertThat(twice.get("count").asInt()).isEqualTo(2);
        assertThat(twice.get("name")).isEqualTo(ada.get("name"));
        assertThat(twice.get("email")).isEqualTo(ada.get("email"));
        assertThat(twice.get("created_at")).isEqualTo(ada.get("created_at"));
        assertThat(api.get("/users/" + id).expect(200).get("count").asInt()).isEqualTo(2);
    }

    @OnEachDatabase
    void incrementTouchesOnlyThatUser(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");

        api.increment(ada, 3);

        assertThat(api.get("/users/" + ada).expect(200).get("count").asInt()).isEqualTo(3);
        assertThat(api.get("/users/" + bob).expect(200).get("count").asInt()).isZero();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
