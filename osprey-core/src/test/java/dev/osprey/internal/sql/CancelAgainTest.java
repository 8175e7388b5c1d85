package dev.osprey.internal.sql;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Dialect#cancelAgain} stops a running statement on its own, without a {@code cancel()} before it:
 * on PostgreSQL it is the way through when a first cancel overtook the query and was lost, after which
 * pgjdbc's {@code cancel()} does nothing.
 */
class CancelAgainTest {

    @OnEachDatabase
    void cancellingAgainStopsALongStatement(TestDb t) {
        Dialect dialect = t.db().withConnection(c -> Dialect.of(c.getMetaData())).join();
        var statement = new AtomicReference<Statement>();
        CompletableFuture<Boolean> run = t.db().withConnection(c -> {
            try (Statement s = c.createStatement()) {
                statement.set(s);
                return s.execute(t.target().longQuery());
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!run.isDone() && System.nanoTime() < deadline) {
            Statement s = statement.get();
            if (s != null) {
                try {
                    dialect.cancelAgain(s);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError("cancelAgain failed", e);
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(run).as("the long statement stopped well before its end")
                .failsWithin(Duration.ofSeconds(5));
        assertThat(t.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }
}
