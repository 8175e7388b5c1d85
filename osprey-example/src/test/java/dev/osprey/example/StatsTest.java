package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /stats}: totals, and per user the todos, most first, ties by user id, at most 100. */
class StatsTest {

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void anEmptyDatabaseHasZeroStats(TestDb t) {
        ServiceClient api = service.client(t);

        JsonNode stats = api.get("/stats").expect(200);

        assertThat(stats.get("users").asLong()).isZero();
        assertThat(stats.get("todos").asLong()).isZero();
        assertThat(stats.get("done").asLong()).isZero();
        assertThat(stats.get("open").asLong()).isZero();
        assertThat(stats.get("per_user").isArray()).isTrue();
        assertThat(stats.get("per_user")).isEmpty();
    }

    @OnEachDatabase
    void statsCountUsersTodosDoneAndOpenPerUserMostTodosFirst(TestDb t) {
        ServiceClient api = service.client(t);
        long bob = api.createUserId("Bob", "bob@example.com");
        long ada = api.createUserId("Ada", "ada@example.com");
        long cid = api.createUserId("Cid", "cid@example.com");
        api.createUserId("Dee", "dee@example.com");
        todos(api, bob, 5, 1);
        todos(api, ada, 5, 2);
        todos(api, cid, 7, 0);

        JsonNode stats = api.get("/stats").expect(200);

        assertThat(stats.get("users").asLong()).isEqualTo(4);
        assertThat(stats.get("todos").asLong()).isEqualTo(17);
        assertThat(stats.get("done").asLong()).isEqualTo(3);
        assertThat(stats.get("open").asLong()).isEqualTo(14);
        List<JsonNode> perUser = Json.elements(stats.get("per_user"));
        assertThat(perUser).extracting(u -> u.get("user_id").asLong()).as("most todos first, then user_id")
                .containsExactly(cid, bob, ada);
        assertEntry(perUser.get(0), cid, "Cid", 7, 0);
        assertEntry(perUser.get(1), bob, "Bob", 5, 1);
        assertEntry(perUser.get(2), ada, "Ada", 5, 2);
    }

    @OnEachDatabase
    void statsFollowChangesToTodosAndUsers(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        List<Long> adas = todos(api, ada, 3, 0);
        todos(api, bob, 2, 2);

        api.patch("/todos/" + adas.get(0), Json.object("done", true)).expect(200);
        api.delete("/todos/" + adas.get(1)).expect(204);
        JsonNode afterTodoChanges = api.get("/stats").expect(200);
        api.delete("/users/" + bob).expect(204);
        JsonNode afterUserDeleted = api.get("/stats").expect(200);

        assertThat(afterTodoChanges.get("todos").asLong()).isEqualTo(4);
        assertThat(afterTodoChanges.get("done").asLong()).isEqualTo(3);
        assertThat(afterTodoChanges.get("open").asLong()).isEqualTo(1);
        assertThat(Json.elements(afterTodoChanges.get("per_user"))).extracting(u -> u.get("user_id").asLong())
                .containsExactly(ada, bob);
        assertEntry(afterTodoChanges.get("per_user").get(0), ada, "Ada", 2, 1);
        assertThat(afterUserDeleted.get("users").asLong()).isEqualTo(1);
        assertThat(afterUserDeleted.get("todos").asLong()).isEqualTo(2);
        assertThat(afterUserDeleted.get("done").asLong()).isEqualTo(1);
        assertThat(afterUserDeleted.get("open").asLong()).isEqualTo(1);
        assertThat(Json.elements(afterUserDeleted.get("per_user"))).extracting(u -> u.get("user_id").asLong())
                .containsExactly(ada);
    }

    @OnEachDatabase
    void perUserListsAtMostOneHundredUsers(TestDb t) {
        ServiceClient api = service.client(t);
        List<JsonNode> created = api.createUsers(ServiceClient.users("many", 105)).stream()
                .sorted(java.util.Comparator.comparingLong(u -> u.get("id").asLong())).toList();
        List<Long> users = created.stream().map(u -> u.get("id").asLong()).toList();
        for (long user : users) {
            api.createTodo(user, "title", "one");
        }
        long busiest = users.getLast();
        String busiestName = created.getLast().get("name").asText();
        todos(api, busiest, 2, 1);

        JsonNode stats = api.get("/stats").expect(200);

        assertThat(stats.get("users").asLong()).isEqualTo(105);
        assertThat(stats.get("todos").asLong()).isEqualTo(107);
        List<Long> listed = Json.longs(stats.get("per_user"), "user_id");
        assertThat(listed).hasSize(100);
        assertThat(listed.getFirst()).isEqualTo(busiest);
        assertThat(listed.subList(1, 100)).containsExactlyElementsOf(users.subList(0, 99));
        assertEntry(stats.get("per_user").get(0), busiest, busiestName, 3, 1);
    }

    /** Creates {@code count} todos for {@code user} in one bulk request, the first {@code done} of them done. */
    private static List<Long> todos(ServiceClient api, long user, int count, int done) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Json.fields("title", "todo " + i, "done", i < done));
        }
        return Json.longs(api.post("/users/" + user + "/todos/bulk", Json.write(items)).expect(201), "id");
    }

    private static void assertEntry(JsonNode entry, long userId, String name, int todos, int done) {
        assertThat(entry.get("user_id").asLong()).as("user_id of %s", entry).isEqualTo(userId);
        assertThat(entry.get("name").asText()).as("name of %s", entry).isEqualTo(name);
        assertThat(entry.get("todos").asLong()).as("todos of %s", entry).isEqualTo(todos);
        assertThat(entry.get("done").asLong()).as("done of %s", entry).isEqualTo(done);
        assertThat(entry.get("open").asLong()).as("open of %s", entry).isEqualTo(todos - done);
    }
}
