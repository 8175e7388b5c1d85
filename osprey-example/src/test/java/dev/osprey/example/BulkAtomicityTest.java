package dev.osprey.example;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk create is one transaction: a conflict deep inside a large request (past the first
 * multi-row statement) leaves no row from it, counted through the database itself.
 */
class BulkAtomicityTest {

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void aDuplicateEmailAtItem700Of1000LeavesNoRowsFromTheRequest(TestDb t) {
        failingBulkLeavesNoRows(t, 1000, 700);
    }

    @OnEachDatabase
    void aDuplicateEmailAtItem1200Of1500LeavesNoRowsFromTheRequest(TestDb t) {
        failingBulkLeavesNoRows(t, 1500, 1200);
    }

    @OnEachDatabase
    void duplicatesFarApartInsideOneRequestLeaveNoRows(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        List<Map<String, Object>> items = ServiceClient.users("far", 1500);
        items.get(1400).put("email", items.get(3).get("email"));

        api.post("/users/bulk", Json.write(items)).expectError(409, "conflict", "email");

        assertThat(running.rows("users")).isZero();
    }

    @OnEachDatabase
    void theSameBulkWithoutTheDuplicateThenSucceedsCompletely(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        api.createUser("Taken", "taken@example.com");
        List<Map<String, Object>> items = ServiceClient.users("retry", 1500);
        items.get(1199).put("email", "taken@example.com");
        api.post("/users/bulk", Json.write(items)).expectError(409, "conflict", "email");

        items.get(1199).put("email", "retry-fixed@example.com");
        var created = api.createUsers(items);

        assertThat(created).extracting(u -> u.get("email").asText())
                .containsExactlyElementsOf(items.stream().map(i -> (String) i.get("email")).toList());
        assertThat(running.rows("users")).isEqualTo(1501);
    }

    @OnEachDatabase
    void aFailedBulkLeavesEarlierRequestsAndTheirTodosAlone(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        var earlier = api.createUsers(ServiceClient.users("earlier", 300));
        long owner = earlier.get(17).get("id").asLong();
        api.post("/users/" + owner + "/todos/bulk", Json.write(List.of(Json.fields("title", "a"), Json.fields("title", "b"))))
                .expect(201);
        List<Map<String, Object>> items = ServiceClient.users("later", 1000);
        items.get(999).put("email", "earlier-250@example.com");

        api.post("/users/bulk", Json.write(items)).expectError(409, "conflict", "email");

        assertThat(running.rows("users")).isEqualTo(300);
        assertThat(running.rows("todos")).isEqualTo(2);
    }

    /** A bulk of {@code size} users whose item number {@code position} (from 1) takes an existing email. */
    private static void failingBulkLeavesNoRows(TestDb t, int size, int position) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        api.createUser("Taken", "taken@example.com");
        List<Map<String, Object>> items = ServiceClient.users("bulk", size);
        items.get(position - 1).put("email", "taken@example.com");

        api.post("/users/bulk", Json.write(items)).expectError(409, "conflict", "email");

        assertThat(running.rows("users")).as("only the user from before the request").isEqualTo(1);
        assertThat(running.db().query("SELECT COUNT(*) AS n FROM users WHERE email LIKE ?", "bulk-%").join()
                .getFirst().getLong("n")).isZero();
    }
}
