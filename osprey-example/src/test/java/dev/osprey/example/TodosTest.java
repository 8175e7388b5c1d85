package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.osprey.example.ServiceClient.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The todo endpoints when everything is valid: create, bulk create, get, list with each filter, patch, delete. */
class TodosTest {

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void createdTodoDefaultsToOpenWithoutDueDateAndHasALocation(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");

        Reply reply = api.post("/users/" + ada + "/todos", Json.object("title", "Buy milk"));

        JsonNode todo = reply.expect(201);
        long id = todo.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(todo.get("user_id").asLong()).isEqualTo(ada);
        assertThat(todo.get("title").asText()).isEqualTo("Buy milk");
        assertThat(todo.get("done").isBoolean()).as("done is a JSON boolean: %s", todo).isTrue();
        assertThat(todo.get("done").asBoolean()).isFalse();
        assertThat(todo.has("due_date")).as("due_date is present: %s", todo).isTrue();
        assertThat(todo.get("due_date").isNull()).isTrue();
        assertThat(reply.header("Location")).isEqualTo("/todos/" + id);
        assertThat(api.get("/todos/" + id).expect(200)).isEqualTo(todo);
    }

    @OnEachDatabase
    void createdTodoKeepsDoneAndDueDate(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");

        JsonNode todo = api.createTodo(ada, "title", "Pay rent", "done", true, "due_date", "2026-12-01");

        assertThat(todo.get("done").asBoolean()).isTrue();
        assertThat(todo.get("due_date").asText()).isEqualTo("2026-12-01");
        assertThat(api.get("/todos/" + todo.get("id").asLong()).expect(200)).isEqualTo(todo);
    }

    @OnEachDatabase
    void createdTodoMayHaveAnExplicitlyNullDueDate(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");

        JsonNode todo = api.createTodo(ada, "title", "Someday", "due_date", null);

        assertThat(todo.get("due_date").isNull()).isTrue();
    }

    @OnEachDatabase
    void bulkCreateReturnsTheTodosInRequestOrder(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        List<Map<String, Object>> items = List.of(
                Json.fields("title", "zebra"),
                Json.fields("title", "apple", "done", true),
                Json.fields("title", "mango", "due_date", "2027-01-31"));

        JsonNode created = api.post("/users/" + ada + "/todos/bulk", Json.write(items)).expect(201);

        assertThat(Json.texts(created, "title")).containsExactly("zebra", "apple", "mango");
        assertThat(Json.elements(created)).extracting(todo -> todo.get("done").asBoolean()).containsExactly(false, true, false);
        assertThat(created.get(2).get("due_date").asText()).isEqualTo("2027-01-31");
        assertThat(created.get(0).get("due_date").isNull()).isTrue();
        assertThat(Json.longs(created, "user_id")).containsOnly(ada);
        assertThat(Json.longs(created, "id")).doesNotHaveDuplicates();
        for (JsonNode todo : created) {
            assertThat(api.get("/todos/" + todo.get("id").asLong()).expect(200)).isEqualTo(todo);
        }
        assertThat(running.rows("todos")).isEqualTo(3);
    }

    @OnEachDatabase
    void bulkCreateOfManyTodosStoresThemAll(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            items.add(Json.fields("title", "todo " + i, "done", i % 3 == 0));
        }

        JsonNode created = api.post("/users/" + ada + "/todos/bulk", Json.write(items)).expect(201);

        assertThat(Json.texts(created, "title"))
                .containsExactlyElementsOf(items.stream().map(i -> (String) i.get("title")).toList());
        assertThat(running.rows("todos")).isEqualTo(1500);
        assertThat(api.get(query("/todos", "done", "true")).expect(200).get("total").asLong()).isEqualTo(500);
    }

    @OnEachDatabase
    void listFiltersByUser(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        long first = api.createTodoId(ada, "title", "a1");
        api.createTodoId(bob, "title", "b1");
        long second = api.createTodoId(ada, "title", "a2");

        JsonNode page = api.get(query("/todos", "user_id", Long.toString(ada))).expect(200);

        assertThat(Json.itemIds(page)).containsExactly(first, second);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(Json.itemIds(api.get(query("/todos", "user_id", "9000000000")).expect(200))).isEmpty();
    }

    @OnEachDatabase
    void listFiltersByDone(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long open = api.createTodoId(ada, "title", "open");
        long done = api.createTodoId(ada, "title", "done", "done", true);
        long alsoOpen = api.createTodoId(ada, "title", "also open", "done", false);

        assertThat(Json.itemIds(api.get(query("/todos", "done", "true")).expect(200))).containsExactly(done);
        assertThat(Json.itemIds(api.get(query("/todos", "done", "false")).expect(200))).containsExactly(open, alsoOpen);
    }

    @OnEachDatabase
    void dueBeforeMatchesDatesStrictlyBeforeAndNeverTodosWithoutDate(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long early = api.createTodoId(ada, "title", "early", "due_date", "2026-01-15");
        long dayBefore = api.createTodoId(ada, "title", "day before", "due_date", "2026-11-30");
        api.createTodoId(ada, "title", "on the day", "due_date", "2026-12-01");
        api.createTodoId(ada, "title", "later", "due_date", "2027-03-01");
        api.createTodoId(ada, "title", "no date");

        JsonNode page = api.get(query("/todos", "due_before", "2026-12-01")).expect(200);

        assertThat(Json.itemIds(page)).containsExactly(early, dayBefore);
        assertThat(page.get("total").asLong()).isEqualTo(2);
    }

    @OnEachDatabase
    void listFiltersByTitleCaseInsensitively(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long milk = api.createTodoId(ada, "title", "Buy MILK");
        api.createTodoId(ada, "title", "Buy bread");
        long shake = api.createTodoId(ada, "title", "milkshake");

        assertThat(Json.itemIds(api.get(query("/todos", "title", "Milk")).expect(200))).containsExactly(milk, shake);
    }

    @OnEachDatabase
    void filtersCombine(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        long match = api.createTodoId(ada, "title", "report", "done", true, "due_date", "2026-05-01");
        api.createTodoId(ada, "title", "report", "done", false, "due_date", "2026-05-01");
        api.createTodoId(ada, "title", "report", "done", true, "due_date", "2026-07-01");
        api.createTodoId(ada, "title", "taxes", "done", true, "due_date", "2026-05-01");
        api.createTodoId(bob, "title", "report", "done", true, "due_date", "2026-05-01");

        JsonNode page = api.get(query("/todos", "user_id", Long.toString(ada), "done", "true",
                "due_before", "2026-06-01", "title", "REP")).expect(200);

        assertThat(Json.itemIds(page)).containsExactly(match);
        assertThat(page.get("total").asLong()).isEqualTo(1);
    }

    @OnEachDatabase
    void todosOfAUserAreListedUnderTheUserFilterOnly(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        api.createTodoId(ada, "title", "mine");

        assertThat(api.get(query("/todos", "user_id", Long.toString(bob))).expect(200).get("total").asLong()).isZero();
        assertThat(api.get("/todos").expect(200).get("total").asLong()).isEqualTo(1);
    }

    @OnEachDatabase
    void patchChangesOnlyTheFieldsSent(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        JsonNode todo = api.createTodo(ada, "title", "Buy milk", "due_date", "2026-12-01");
        long id = todo.get("id").asLong();

        JsonNode done = api.patch("/todos/" + id, Json.object("done", true)).expect(200);

        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("title").asText()).isEqualTo("Buy milk");
        assertThat(done.get("due_date").asText()).isEqualTo("2026-12-01");
        assertThat(done.get("user_id").asLong()).isEqualTo(ada);

        JsonNode retitled = api.patch("/todos/" + id, Json.object("title", "Buy oat milk")).expect(200);

        assertThat(retitled.get("title").asText()).isEqualTo("Buy oat milk");
        assertThat(retitled.get("done").asBoolean()).isTrue();
        assertThat(retitled.get("due_date").asText()).isEqualTo("2026-12-01");
        assertThat(api.get("/todos/" + id).expect(200)).isEqualTo(retitled);
    }

    @OnEachDatabase
    void patchWithNullDueDateClearsIt(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long id = api.createTodoId(ada, "title", "Buy milk", "done", true, "due_date", "2026-12-01");

        JsonNode cleared = api.patch("/todos/" + id, Json.object("due_date", null)).expect(200);

        assertThat(cleared.get("due_date").isNull()).as("due_date cleared: %s", cleared).isTrue();
        assertThat(cleared.get("title").asText()).isEqualTo("Buy milk");
        assertThat(cleared.get("done").asBoolean()).isTrue();
        assertThat(api.get("/todos/" + id).expect(200).get("due_date").isNull()).isTrue();
    }

    @OnEachDatabase
    void patchCanSetADueDateAndReopen(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long id = api.createTodoId(ada, "title", "Buy milk", "done", true);

        JsonNode patched = api.patch("/todos/" + id, Json.object("done", false, "due_date", "2027-02-28")).expect(200);

        assertThat(patched.get("done").asBoolean()).isFalse();
        assertThat(patched.get("due_date").asText()).isEqualTo("2027-02-28");
        assertThat(api.get("/todos/" + id).expect(200)).isEqualTo(patched);
    }

    @OnEachDatabase
    void deleteAnswersNoContentAndOnlyThatTodoIsGone(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long gone = api.createTodoId(ada, "title", "gone");
        long kept = api.createTodoId(ada, "title", "kept");

        Reply reply = api.delete("/todos/" + gone);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        api.get("/todos/" + gone).expectError(404, "not_found", null);
        api.delete("/todos/" + gone).expectError(404, "not_found", null);
        api.get("/todos/" + kept).expect(200);
        api.get("/users/" + ada).expect(200);
        assertThat(running.rows("todos")).isEqualTo(1);
    }
}
