package dev.osprey.example;

import dev.osprey.Database;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request log: one INFO line per request on {@code dev.osprey.example.http}
 * ({@code POST /users 201 3.1 ms request_id=…}), and a 500 also at ERROR with the exception. The tests'
 * {@code simplelogger.properties} sends the service's log to {@link #LOG}; lines are found by a
 * request id unique to the test.
 */
class RequestLogTest {
    private static final Path LOG = Path.of("target", "e2e-service.log");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REQUEST_ID = "X-Request-Id";

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    @OnEachDatabase
    void eachRequestIsLoggedOnceWithMethodPathStatusDurationAndRequestId(TestDb t) {
        ServiceClient api = service.client(t);
        String created = uniqueId();
        String notFound = uniqueId();
        String invalid = uniqueId();

        long ada = api.send("POST", "/users", Json.object("name", "Ada", "email", "ada@example.com"), REQUEST_ID, created)
                .expect(201).get("id").asLong();
        api.send("GET", "/todos/9000000000", null, REQUEST_ID, notFound).expectError(404, "not_found", null);
        api.send("PATCH", "/users/" + ada, "{", REQUEST_ID, invalid).expectError(400, "malformed_json", null);

        assertThat(awaitLines(created)).singleElement().satisfies(line -> assertThat(line).matches(info("POST", "/users", 201, created)));
        assertThat(awaitLines(notFound)).singleElement().satisfies(line -> assertThat(line).matches(info("GET", "/todos/9000000000", 404, notFound)));
        assertThat(awaitLines(invalid)).singleElement().satisfies(line -> assertThat(line).matches(info("PATCH", "/users/" + ada, 400, invalid)));
    }

    @OnEachDatabase
    void aGeneratedRequestIdIsTheOneLogged(TestDb t) {
        ServiceClient api = service.client(t);

        Reply reply = api.get("/stats");

        reply.expect(200);
        assertThat(awaitLines(reply.requestId())).singleElement()
                .satisfies(line -> assertThat(line).matches(info("GET", "/stats", 200, reply.requestId())));
    }

    @OnEachDatabase
    void anInternalErrorIsAlsoLoggedAtErrorWithTheException(TestDb t) {
        RunningService running = service.on(t);
        String id = uniqueId();
        Database failing = ExampleDatabases.connect(running.databaseUrl());
        try (TodoService broken = TodoService.start(failing, 0); ServiceClient api = new ServiceClient(broken.url())) {
            failing.close();

            api.send("GET", "/users", null, REQUEST_ID, id).expectError(500, "internal", null);

            List<String> lines = awaitLines(id, 2);
            assertThat(lines).anySatisfy(line -> assertThat(line).matches(info("GET", "/users", 500, id)));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains(" ERROR ").contains(id));
            assertThat(linesAfter(lines.stream().filter(line -> line.contains(" ERROR ")).findFirst().orElseThrow()))
                    .as("the exception (class and stack) follows the ERROR line")
                    .anySatisfy(line -> assertThat(line).containsPattern("Exception|\\tat "));
        } finally {
            failing.close();
        }
    }

    /** A regular expression for the INFO line of one request. */
    private static String info(String method, String path, int status, String requestId) {
        return ".* INFO dev\\.osprey\\.example\\.http - " + Pattern.quote(method + " " + path + " " + status + " ")
                + "\\d+(\\.\\d+)? ms request_id=" + Pattern.quote(requestId) + "\\s*";
    }

    private static String uniqueId() {
        return "log-" + UUID.randomUUID();
    }

    private static List<String> awaitLines(String requestId) {
        return awaitLines(requestId, 1);
    }

    /** The log lines mentioning {@code requestId}, once there are at least {@code count} (or the wait is over). */
    private static List<String> awaitLines(String requestId, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() - deadline < 0) {
            lines = log().stream().filter(line -> line.contains(requestId)).toList();
            if (lines.size() >= count) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        // one more read: a line written just after the count was reached (a duplicate) must show too
        return log().stream().filter(line -> line.contains(requestId)).toList();
    }

    /** The next lines of the log after {@code line}. */
    private static List<String> linesAfter(String line) {
        List<String> all = log();
        int at = all.indexOf(line);
        return at < 0 ? List.of() : all.subList(at + 1, Math.min(all.size(), at + 6));
    }

    private static List<String> log() {
        try {
            // the service may be halfway through a line: decode leniently rather than fail on a cut character
            return Files.exists(LOG) ? new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).lines().toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
