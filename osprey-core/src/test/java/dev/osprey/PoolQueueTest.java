package dev.osprey;

import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;
import dev.osprey.zoo.Animal;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Calls beyond the pool's connections queue, and a call that ends runs the next one on its connection or
 * hands the connection on: they time out, cancel and survive a broken connection as calls that wait in
 * the pool did.
 */
class PoolQueueTest {

    @OnEachDatabase
    void aCallQueuedBehindBusyConnectionsTimesOutAndThePoolStaysHealthy(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(1).acquireTimeout(Duration.ofMillis(300)).build());
        t.recreate("pq_marks", "n INT");
        var release = new CountDownLatch(1);
        CompletableFuture<Integer> holding = db.withConnection(connection -> {
            await(release);
            return 1;
        });
        try {
            awaitActive(t, 1);
            // a write: on SQLite the connection of withConnection is the writer, and reads have their own
            var outcome = new CompletableFuture<Throwable>();
            Thread.ofVirtual().start(() -> outcome.complete(
                    catchThrowable(() -> db.execute("UPDATE pq_marks SET n = 2 WHERE n = 1").join())));
            Throwable thrown = outcome.get();
            assertThat(thrown).isInstanceOf(CompletionException.class);
            assertThat(thrown.getCause()).isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("300 ms").hasMessageContaining("1 connection(s)");
        } finally {
            release.countDown();
        }
        assertThat(holding.join()).isEqualTo(1);
        assertThat(db.query("SELECT 2 AS two").join().getFirst().getInteger("two")).isEqualTo(2);
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    /** Queued calls park without a timeout; the gate's watcher gives them up, and starts again for later ones. */
    @OnEachDatabase
    void callsQueuedInTurnsBehindABusyConnectionAllTimeOut(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(1).acquireTimeout(Duration.ofMillis(300)).build());
        t.recreate("pq_marks", "n INT");
        var release = new CountDownLatch(1);
        CompletableFuture<Integer> holding = db.withConnection(connection -> {
            await(release);
            return 1;
        });
        try {
            awaitActive(t, 1);
            for (int callers : new int[] {1, 1, 5}) {   // alone, alone again once the first has gone, then together
                List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    var outcome = new CompletableFuture<Throwable>();
                    Thread.ofVirtual().start(() -> outcome.complete(
                            catchThrowable(() -> db.execute("INSERT INTO pq_marks (n) VALUES (1)").join())));
                    outcomes.add(outcome);
                }
                for (var outcome : outcomes) {   // a call nobody gave up would wait until the release
                    assertThat(outcome.get(10, TimeUnit.SECONDS).getCause()).isInstanceOf(PoolTimeoutException.class);
                }
            }
        } finally {
            release.countDown();
        }
        assertThat(holding.join()).isEqualTo(1);
        assertThat(db.query("SELECT count(*) AS n FROM pq_marks").join().getFirst().getLong("n")).isZero();
        assertThat(db.execute("INSERT INTO pq_marks (n) VALUES (2)").join()).isEqualTo(1);
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @OnEachDatabase
    void aCallCancelledWhileItQueuesNeverRuns(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(1).acquireTimeout(Duration.ofSeconds(30)).build());
        t.recreate("pq_marks", "n INT");
        var release = new CountDownLatch(1);
        var held = new CountDownLatch(1);
        CompletableFuture<Integer> holding = db.withConnection(connection -> {
            held.countDown();
            await(release);
            return 1;
        });
        await(held);   // else the insert may take the one connection first
        var queued = new AtomicReference<CompletableFuture<Long>>();
        var outcome = new CompletableFuture<Throwable>();
        Thread caller = Thread.ofVirtual().start(() -> {
            CompletableFuture<Long> insert = db.execute("INSERT INTO pq_marks (n) VALUES (1)");
            queued.set(insert);
            outcome.complete(catchThrowable(insert::join));
        });
        try {
            awaitParked(caller);
            queued.get().cancel(true);
        } finally {
            release.countDown();
        }
        assertThat(holding.join()).isEqualTo(1);
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(db.query("SELECT count(*) AS n FROM pq_marks").join().getFirst().getLong("n")).isZero();
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    /**
     * The call before the queued ones ends without noticing that its connection broke: the first queued call
     * runs on it and fails as a lost connection, which is evicted, and the call after it gets a new one.
     */
    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void callsQueuedBehindAConnectionThatBrokeEndAndTheNextGetsAHealthyOne(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(1).minIdle(1).acquireTimeout(Duration.ofSeconds(30))
                .build());
        var queuedUp = new CountDownLatch(1);
        CompletableFuture<Long> killer = db.withConnection(connection -> {
            long id;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(t.target().ownSession())) {
                rs.next();
                id = rs.getLong(1);
            }
            await(queuedUp);
            t.db().execute(t.target().killSession(id)).join();
            return id;
        });
        awaitActive(t, 1);
        var first = new CompletableFuture<Throwable>();
        var second = new CompletableFuture<Integer>();
        Thread firstCaller = Thread.ofVirtual().start(() ->
                first.complete(catchThrowable(() -> db.query("SELECT 1 AS one").join())));
        awaitParked(firstCaller);
        Thread secondCaller = Thread.ofVirtual().start(() ->
                second.complete(db.query("SELECT 2 AS two").join().getFirst().getInteger("two")));
        awaitParked(secondCaller);
        queuedUp.countDown();

        assertThat(killer.join()).isPositive();
        Throwable firstError = first.get();
        if (firstError != null) {   // the server may not have closed the socket before the query went out
            assertThat(firstError).isInstanceOf(CompletionException.class);
            assertThat(firstError.getCause()).isInstanceOf(ConnectionLostException.class);
        }
        assertThat(second.get()).isEqualTo(2);
        assertThat(db.query("SELECT 3 AS three").join().getFirst().getInteger("three")).isEqualTo(3);
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @OnEachDatabase
    void manyCallersOnOneConnectionEachGetTheirOwnResult(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(1).acquireTimeout(Duration.ofSeconds(60)).build());
        int callers = 200;
        var results = new CompletableFuture[callers];
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int n = i;
            results[i] = new CompletableFuture<Long>();
            threads.add(Thread.ofVirtual().start(() -> {
                long sum = 0;
                for (int k = 0; k < 10; k++) {
                    sum += db.query("SELECT ? AS n", n * 10 + k).join().getFirst().getLong("n");
                }
                results[n].complete(sum);
            }));
        }
        for (Thread thread : threads) {
            assertThat(thread.join(Duration.ofSeconds(60))).as("a caller finished").isTrue();
        }
        for (int i = 0; i < callers; i++) {
            assertThat(results[i].join()).isEqualTo(100L * i + 45);
        }
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    /**
     * User code may leave its connection changed (here out of autocommit mode): the call queued behind it
     * must not run on it as it is, or its write would be rolled back when the connection goes back.
     */
    @OnEachDatabase
    void aCallQueuedBehindUserCodeDoesNotInheritWhatTheUserCodeChanged(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(1).acquireTimeout(Duration.ofSeconds(30)).build());
        t.recreate("pq_marks", "n INT");
        var queuedUp = new CountDownLatch(1);
        CompletableFuture<Integer> user = db.withConnection(connection -> {
            connection.setAutoCommit(false);
            await(queuedUp);
            return 1;
        });
        awaitActive(t, 1);
        var inserted = new CompletableFuture<Long>();
        Thread caller = Thread.ofVirtual().start(() ->
                inserted.complete(db.execute("INSERT INTO pq_marks (n) VALUES (7)").join()));
        awaitParked(caller);
        queuedUp.countDown();

        assertThat(user.join()).isEqualTo(1);
        assertThat(inserted.get()).isEqualTo(1L);
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(db.query("SELECT n FROM pq_marks").join()).extracting(row -> row.getInteger("n")).containsExactly(7);
    }

    /** Sessions queue with single calls in turn: a pool kept busy by many callers does not starve a transaction. */
    @OnEachDatabase
    void aTransactionGetsItsTurnWhileManyCallersKeepEveryConnectionBusy(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(2).acquireTimeout(Duration.ofSeconds(3)).build());
        db.schema().dropAll(Animal.class).join();
        db.schema().createAll(Animal.class).join();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            busy.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        db.execute("UPDATE zoo_animals SET name = 'x' WHERE id < 0").join();
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            }));
        }
        try {
            for (int i = 0; i < 5; i++) {
                var animal = new Animal("animal " + i);
                db.transaction(s -> {
                    s.add(animal);
                    return CompletableFuture.completedFuture(null);
                }).join();
            }
        } finally {
            stop.set(true);
            for (Thread thread : busy) {
                assertThat(thread.join(Duration.ofSeconds(30))).as("a caller finished").isTrue();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(db.query("SELECT count(*) AS n FROM zoo_animals").join().getFirst().getLong("n")).isEqualTo(5);
        db.schema().dropAll(Animal.class).join();
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitActive(TestDb t, int connections) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.activeConnections() < connections && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        assertThat(t.activeConnections()).isEqualTo(connections);
    }

    /** Waits until {@code thread} waits (queued for a connection). */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        assertThat(thread.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
    }
}
