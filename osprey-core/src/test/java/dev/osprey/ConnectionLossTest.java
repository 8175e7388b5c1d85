package dev.osprey;

import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A server session killed by an administrator surfaces as {@link ConnectionLostException}; the pool heals. */
class ConnectionLossTest {

    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void aKilledSessionIsAConnectionLossAndTheNextCallGetsAHealthyConnection(TestDb t) {
        Database db = t.open(Config.builder().maxPoolSize(1).minIdle(1).build());
        Database admin = t.db();
        String victim = t.target().longQuery().replace("osprey-long", "osprey-victim");
        CompletableFuture<List<Row>> running = db.query(victim);

        List<Row> sessions = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sessions.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            sessions = admin.query(t.target().sessionsRunning("osprey-victim")).join();
        }
        assertThat(sessions).hasSize(1);
        admin.execute(t.target().killSession(sessions.getFirst().getLong("id"))).join();

        Throwable thrown = catchThrowable(running::join);
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).isInstanceOf(ConnectionLostException.class);
        assertThat(((ConnectionLostException) thrown.getCause()).sql()).isEqualTo(victim);

        // the pool's only connection was the killed one: the next call must get a new, working one
        assertThat(db.query("SELECT 1 AS one").join().getFirst().getInteger("one")).isEqualTo(1);
        assertThat(db.query("SELECT 2 AS two").join().getFirst().getInteger("two")).isEqualTo(2);
    }
}
