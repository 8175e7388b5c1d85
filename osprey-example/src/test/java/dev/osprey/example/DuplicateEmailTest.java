package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Emails are unique: a duplicate on create, patch or bulk is a 409 naming {@code email} and changes nothing. */
class DuplicateEmailTest {

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void creatingAUserWithATakenEmailIsAConflict(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        JsonNode ada = api.createUser("Ada", "ada@example.com");

        api.post("/users", Json.object("name", "Another Ada", "email", "ada@example.com")).expectError(409, "conflict", "email");

        assertThat(running.rows("users")).isEqualTo(1);
        assertThat(api.get("/users/" + ada.get("id").asLong()).expect(200)).isEqualTo(ada);
    }

    @OnEachDatabase
    void patchingToATakenEmailIsAConflictAndChangesNothing(TestDb t) {
        ServiceClient api = service.client(t);
        api.createUser("Ada", "ada@example.com");
        JsonNode bob = api.createUser("Bob", "bob@example.com");
        long id = bob.get("id").asLong();

        api.patch("/users/" + id, Json.object("email", "ada@example.com")).expectError(409, "conflict", "email");
        api.patch("/users/" + id, Json.object("name", "Robert", "email", "ada@example.com")).expectError(409, "conflict", "email");

        assertThat(api.get("/users/" + id).expect(200)).as("the patch was rolled back as a whole").isEqualTo(bob);
    }

    @OnEachDatabase
    void aBulkItemWithATakenEmailIsAConflictAndStoresNothing(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        api.createUser("Ada", "ada@example.com");
        List<Map<String, Object>> items = ServiceClient.users("bulk", 5);
        items.get(4).put("email", "ada@example.com");

        api.post("/users/bulk", Json.write(items)).expectError(409, "conflict", "email");

        assertThat(running.rows("users")).isEqualTo(1);
    }

    @OnEachDatabase
    void twoEqualEmailsInOneBulkRequestAreAConflictAndStoreNothing(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        List<Map<String, Object>> items = ServiceClient.users("bulk", 5);
        items.get(3).put("email", items.get(1).get("email"));

        api.post("/users/bulk", Json.write(items)).expectError(409, "conflict", "email");

        assertThat(running.rows("users")).isZero();
    }

    @OnEachDatabase
    void aFreedEmailCanBeTakenAgain(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");

        api.patch("/users/" + ada, Json.object("email", "countess@example.com")).expect(200);
        api.patch("/users/" + bob, Json.object("email", "ada@example.com")).expect(200);
        api.delete("/users/" + bob).expect(204);
        long again = api.createUserId("Ada again", "ada@example.com");

        assertThat(again).isNotIn(ada, bob);
    }
}
