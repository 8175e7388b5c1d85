package dev.osprey;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.osprey.mapping.SqlType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code future.cancel(true)} stops the statement on the server and returns a clean connection.
 * The long query would run for minutes, so its connection coming back within seconds shows the
 * server stopped it.
 */
class CancellationTest {
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(10);

    /** A database whose listener opens the latch when a statement containing "osprey-long" starts. */
    private static Database withStartSignal(TestDb t, CountDownLatch started, int poolSize) {
        return t.open(Config.builder().maxPoolSize(poolSize).listener(new StatementListener() {
            @Override
            public void started(String sql, List<Object> binds) {
                if (sql.contains("osprey-long")) {
                    started.countDown();
                }
            }
        }).build());
    }

    @OnEachDatabase
    void cancellingARunningQueryStopsItOnTheServer(TestDb t) throws Exception {
        var started = new CountDownLatch(1);
        Database db = withStartSignal(t, started, 2);
        CompletableFuture<List<Row>> running = db.query(t.target().longQuery());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        awaitBusy(t);

        assertThat(running.cancel(true)).isTrue();
        assertThat(running).isCancelled();
        assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).as("connection back, so the server stopped the query").isTrue();
        assertThat(db.query("SELECT 1 AS one").join().getFirst().getInteger("one")).isEqualTo(1);
    }

    /**
     * A caller that waits for a call at once may run its statement on its own thread (Osprey spares
     * the thread switches): a cancel from elsewhere still stops it, and the waiting caller, here
     * joining a future made with thenApply, gets the cancellation, not the query's minutes.
     */
    @OnEachDatabase
    void cancellingACallWhileItsCallerWaitsForItStopsTheStatement(TestDb t) throws Exception {
        var started = new CountDownLatch(1);
        Database db = withStartSignal(t, started, 2);
        CompletableFuture<List<Row>> running = db.query(t.target().longQuery());
        CompletableFuture<Integer> size = running.thenApply(List::size);
        Thread.ofVirtual().start(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    awaitBusy(t);
                    running.cancel(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(size::join).hasCauseInstanceOf(CancellationException.class);
        assertThat(running).isCancelled();
        assertThat(started.getCount()).isZero();
        assertThat(t.awaitIdle(STOPPED_WITHIN)).as("connection back, so the server stopped the query").isTrue();
        assertThat(db.query("SELECT 1 AS one").thenApply(List::size).join()).isEqualTo(1);
    }

    /** An interrupted caller does not run the call itself; the call still runs and its connection comes back. */
    @OnEachDatabase
    void anInterruptedCallerStillGetsItsResult(TestDb t) {
        Database db = t.open(Config.builder().maxPoolSize(1).build());
        Thread.currentThread().interrupt();
        try {
            assertThat(db.query("SELECT 7 AS seven").join().getFirst().getInteger("seven")).isEqualTo(7);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(db.query("SELECT 1 AS one").join()).hasSize(1);
    }

    @OnEachDatabase
    void orTimeoutOnTheFutureAlsoStopsTheStatement(TestDb t) {
        Database db = t.open(Config.builder().maxPoolSize(1).build());
        var running = db.query(t.target().longQuery()).orTimeout(500, TimeUnit.MILLISECONDS);
        assertThatThrownBy(running::join).hasCauseInstanceOf(TimeoutException.class);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(db.query("SELECT 1 AS one").join()).hasSize(1);
    }

    @OnEachDatabase
    void cancellingWithConnectionCancelsTheStatementItRuns(TestDb t) throws Exception {
        var started = new CountDownLatch(1);
        Database db = t.open(Config.builder().maxPoolSize(1).build());
        String sql = t.target().longQuery();
        CompletableFuture<Long> running = db.withConnection(connection -> {
            try (Statement st = connection.createStatement()) {
                started.countDown();
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        awaitBusy(t);
        running.cancel(true);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(db.query("SELECT 1 AS one").join()).hasSize(1);
    }

    @OnEachDatabase
    void aCancelledTransactionIsRolledBackAndTheConnectionComesBackClean(TestDb t) throws Exception {
        t.recreate("cancel_rows", "id " + t.type(INTEGER));
        var started = new CountDownLatch(1);
        Database db = t.open(Config.builder().maxPoolSize(1).minIdle(1).build());
        String sql = t.target().longQuery();
        CompletableFuture<Object> running = db.withConnection(connection -> {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("INSERT INTO cancel_rows (id) VALUES (1)");
                started.countDown();
                st.executeQuery(sql).close();
            }
            connection.commit();
            return null;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        awaitBusy(t);
        running.cancel(true);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();

        // the pool's only connection: no row, autocommit back on, no transaction left open
        assertThat(db.query("SELECT count(*) AS n FROM cancel_rows").join().getFirst().getLong("n")).isZero();
        assertThat(db.withConnection(c -> c.getAutoCommit()).join()).isTrue();
        assertThat(db.execute("INSERT INTO cancel_rows (id) VALUES (2)").join()).isEqualTo(1);
        assertThat(t.db().query("SELECT id FROM cancel_rows").join()).extracting(r -> r.getInteger("id"))
                .containsExactly(2);
    }

    @OnEachDatabase
    void cancellingACallBeforeItGetsAConnectionRunsNothing(TestDb t) throws Exception {
        t.recreate("cancel_early", "id " + t.type(INTEGER));
        var started = new CountDownLatch(1);
        Database db = t.open(Config.builder().maxPoolSize(1).build());
        String sql = t.target().longQuery();
        // withConnection holds the connection a write needs: the only one, or SQLite's writer
        CompletableFuture<Object> blocker = db.withConnection(connection -> {
            try (Statement st = connection.createStatement()) {
                started.countDown();
                st.executeQuery(sql).close();
            }
            return null;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> queued = db.execute("INSERT INTO cancel_early (id) VALUES (1)");
        queued.cancel(true);
        blocker.cancel(true);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(t.db().query("SELECT count(*) AS n FROM cancel_early").join().getFirst().getLong("n")).isZero();
    }

    @OnEachDatabase
    void cancellingAtAnyMomentNeverLeavesTheStatementRunning(TestDb t) {
        Database db = t.open(Config.builder().maxPoolSize(2).build());
        for (int i = 0; i < 25; i++) {
            CompletableFuture<List<Row>> running = db.query(t.target().longQuery());
            if (i % 5 != 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(i).toNanos());   // vary the moment
            }
            running.cancel(true);
            assertThat(t.awaitIdle(STOPPED_WITHIN)).as("attempt %d", i).isTrue();
        }
        assertThat(db.query("SELECT 1 AS one").join()).hasSize(1);
    }

    /** Waits until the call holds its connection (the statement may or may not have reached the server yet). */
    private static void awaitBusy(TestDb t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.activeConnections() == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
