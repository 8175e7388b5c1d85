package dev.osprey.example;

import dev.osprey.testkit.Target;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JUnit extension that gives each {@code @OnEachDatabase} test the running service on its
 * database with empty tables, fails the test if the service's pool still has a connection checked
 * out afterwards (a leak), and stops everything after the class. Register it as a static
 * {@code @RegisterExtension} field; one test class at a time uses it (not thread-safe).
 */
final class ServiceUnderTest implements AfterEachCallback, AfterAllCallback {
    private static final Duration IDLE_WAIT = Duration.ofSeconds(10);

    private final Map<Target, RunningService> running = new EnumMap<>(Target.class);
    private RunningService current;

    /** The service on {@code t}'s database, started on first use, with every row deleted. */
    RunningService on(TestDb t) {
        RunningService service = running.get(t.target());
        if (service == null) {
            service = RunningService.start(t);
            running.put(t.target(), service);
        }
        ExampleDatabases.clearTables(service.db());
        current = service;
        return service;
    }

    /** {@link #on}'s client: the usual way a test talks to the service. */
    ServiceClient client(TestDb t) {
        return on(t).client();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunningService service = current;
        current = null;
        if (service != null) {
            assertThat(ExampleDatabases.awaitIdle(service.db(), IDLE_WAIT))
                    .as("the service's pool is idle %s s after the test on %s (%s connection(s) checked out)",
                            IDLE_WAIT.toSeconds(), service.target(), ExampleDatabases.activeConnections(service.db()))
                    .isTrue();
            assertThat(ExampleDatabases.rows(service.db(), "users"))
                    .as("the database still answers after the test").isNotNegative();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RuntimeException failure = null;
        for (RunningService service : running.values()) {
            try {
                service.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        running.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
