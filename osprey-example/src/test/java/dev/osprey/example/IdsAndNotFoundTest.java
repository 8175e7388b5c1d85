package dev.osprey.example;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids in paths: anything but a positive long is a 400 naming {@code id}; a well-formed id of no row is a 404. */
class IdsAndNotFoundTest {
    private static final List<String> BAD_IDS = List.of("abc", "0", "-1", "99999999999999999999",
            "9223372036854775808", "1.5", "1e3", "0x10");
    private static final String TODO = Json.object("title", "x");

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void aUserIdThatIsNotAPositiveLongIsRefusedNamingId(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        api.createUserId("Ada", "ada@example.com");

        for (String id : BAD_IDS) {
            String path = "/users/" + id;
            api.get(path).expectError(400, "validation_failed", "id");
            api.patch(path, Json.object("name", "Bob")).expectError(400, "validation_failed", "id");
            api.delete(path).expectError(400, "validation_failed", "id");
            api.post(path + "/increment", null).expectError(400, "validation_failed", "id");
            api.post(path + "/todos", TODO).expectError(400, "validation_failed", "id");
            api.post(path + "/todos/bulk", "[" + TODO + "]").expectError(400, "validation_failed", "id");
        }
        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(running.rows("todos")).isZero();
    }

    @OnEachDatabase
    void aTodoIdThatIsNotAPositiveLongIsRefusedNamingId(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        api.createTodoId(ada, "title", "one");

        for (String id : BAD_IDS) {
            String path = "/todos/" + id;
            api.get(path).expectError(400, "validation_failed", "id");
            api.patch(path, Json.object("done", true)).expectError(400, "validation_failed", "id");
            api.delete(path).expectError(400, "validation_failed", "id");
        }
        assertThat(running.rows("todos")).isEqualTo(1);
    }

    @OnEachDatabase
    void anUnknownUserIsNotFoundEverywhere(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        api.delete("/users/" + ada).expect(204);

        for (String path : List.of("/users/" + ada, "/users/9000000000", "/users/" + Long.MAX_VALUE)) {
            api.get(path).expectError(404, "not_found", null);
            api.patch(path, Json.object("name", "Bob")).expectError(404, "not_found", null);
            api.delete(path).expectError(404, "not_found", null);
            api.post(path + "/increment", null).expectError(404, "not_found", null);
            api.post(path + "/todos", TODO).expectError(404, "not_found", null);
            api.post(path + "/todos/bulk", "[" + TODO + "," + TODO + "]").expectError(404, "not_found", null);
        }
        assertThat(running.rows("users")).isZero();
        assertThat(running.rows("todos")).isZero();
    }

    @OnEachDatabase
    void anUnknownTodoIsNotFoundEverywhere(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long gone = api.createTodoId(ada, "title", "gone");
        api.delete("/todos/" + gone).expect(204);

        for (String path : List.of("/todos/" + gone, "/todos/9000000000", "/todos/" + Long.MAX_VALUE)) {
            api.get(path).expectError(404, "not_found", null);
            api.patch(path, Json.object("done", true)).expectError(404, "not_found", null);
            api.delete(path).expectError(404, "not_found", null);
        }
        assertThat(running.rows("todos")).isZero();
    }
}
