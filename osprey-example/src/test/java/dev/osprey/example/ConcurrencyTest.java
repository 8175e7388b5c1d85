package dev.osprey.example;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many requests at once: atomic increments, competing bulk creates, and a pool that is idle afterwards. */
class ConcurrencyTest {

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void fiveHundredConcurrentIncrementsEndWithCountExactlyFiveHundred(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");

        List<Reply> replies = all(IntStream.range(0, 500)
                .mapToObj(i -> api.sendAsync("POST", "/users/" + ada + "/increment", null))
                .toList());

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(replies).extracting(reply -> reply.json().get("count").asLong())
                .as("each increment read back its own count in its transaction")
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
        assertThat(api.get("/users/" + ada).expect(200).get("count").asInt()).isEqualTo(500);
        assertThat(running.db().query("SELECT * FROM users WHERE id = ?", ada).join().getFirst().getInteger("count"))
                .isEqualTo(500);
        assertThat(api.get("/users/" + bob).expect(200).get("count").asInt()).isZero();
    }

    @OnEachDatabase
    void concurrentCreatesAllSucceedWithDistinctIds(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();

        List<Reply> replies = all(IntStream.range(0, 200)
                .mapToObj(i -> api.sendAsync("POST", "/users", Json.object("name", "U" + i, "email", "u" + i + "@example.com")))
                .toList());

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
        assertThat(replies).extracting(reply -> reply.json().get("id").asLong()).doesNotHaveDuplicates();
        assertThat(running.rows("users")).isEqualTo(200);
    }

    @OnEachDatabase
    void ofConcurrentBulksSharingOneEmailExactlyOneIsStored(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        List<CompletableFuture<Reply>> sent = new ArrayList<>();
        for (int request = 0; request < 10; request++) {
            List<Map<String, Object>> items = ServiceClient.users("r" + request, 50);
            items.get(25).put("email", "shared@example.com");
            sent.add(api.sendAsync("POST", "/users/bulk", Json.write(items)));
        }

        List<Reply> replies = all(sent);

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        replies.stream().filter(reply -> reply.status() != 201)
                .forEach(reply -> reply.expectError(409, "conflict", "email"));
        assertThat(running.rows("users")).isEqualTo(50);
    }

    @OnEachDatabase
    void aBurstOfConcurrentFailuresLeavesThePoolIdleAndTheServiceWorking(TestDb t) {
        RunningService running = service.on(t);
        ServiceClient api = running.client();
        long ada = api.createUserId("Ada", "ada@example.com");
        List<CompletableFuture<Reply>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(api.sendAsync("POST", "/users", Json.object("name", "Dup", "email", "ada@example.com")));
            sent.add(api.sendAsync("GET", "/users/" + (9_000_000_000L + i), null));
            sent.add(api.sendAsync("POST", "/users/" + (9_000_000_000L + i) + "/todos", Json.object("title", "x")));
            sent.add(api.sendAsync("PATCH", "/users/" + ada, Json.object("name", "")));
            sent.add(api.sendAsync("POST", "/users/" + ada + "/todos", Json.object("title", "t" + i)));
        }

        List<Reply> replies = all(sent);

        assertThat(replies).extracting(Reply::status).containsOnly(409, 404, 400, 201);
        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(50);
        assertThat(ExampleDatabases.awaitIdle(running.db(), Duration.ofSeconds(10)))
                .as("no connection checked out after the burst").isTrue();
        assertThat(running.rows("todos")).isEqualTo(50);
        assertThat(api.get("/users/" + ada).expect(200).get("name").asText()).isEqualTo("Ada");
        api.post("/users/" + ada + "/increment", null).expect(200);
    }

    private static List<Reply> all(List<CompletableFuture<Reply>> sent) {
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
