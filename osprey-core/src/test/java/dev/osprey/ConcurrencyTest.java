package dev.osprey;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import dev.osprey.zoo.Animal;
import dev.osprey.zoo.Animal_;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

/** Many more callers than connections: everyone is served, nothing leaks. */
class ConcurrencyTest {

    @OnEachDatabase
    void tenThousandConcurrentQueriesFromVirtualThreadsOnAPoolOfTenAllSucceed(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(10).acquireTimeout(Duration.ofSeconds(60)).build());
        int callers = 10_000;
        var results = new ConcurrentLinkedQueue<CompletableFuture<List<Row>>>();
        List<Thread> threads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            long n = i;
            threads.add(Thread.ofVirtual().start(() -> results.add(db.query("SELECT ? AS n", n))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        long sum = results.stream().mapToLong(f -> f.join().getFirst().getLong("n")).sum();
        assertThat(sum).isEqualTo((long) callers * (callers - 1) / 2);
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    /**
     * sqlite-jdbc is native code, which pins a virtual thread's carrier while it runs: long queries,
     * one more than there are carriers, must still leave other virtual threads able to run.
     */
    @OnEachDatabase
    void longQueriesOnEveryCarrierStillLeaveVirtualThreadsRunning(TestDb t) {
        int carriers = Runtime.getRuntime().availableProcessors();
        Database db = t.open(Config.builder().maxPoolSize(carriers + 1).build());
        List<CompletableFuture<List<Row>>> busy = new ArrayList<>();
        for (int i = 0; i <= carriers; i++) {
            busy.add(db.query(t.target().longQuery()));
        }
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (t.activeConnections() < carriers + 1 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            assertThat(t.activeConnections()).isEqualTo(carriers + 1);
            var ran = new CompletableFuture<String>();
            Thread.ofVirtual().start(() -> ran.complete("ran"));
            assertThat(ran).succeedsWithin(Duration.ofSeconds(20)).isEqualTo("ran");
            assertThat(busy).noneMatch(CompletableFuture::isDone);   // the queries were still running
        } finally {
            busy.forEach(f -> f.cancel(true));
        }
        assertThat(t.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    /**
     * Reads by primary key from many more callers than connections, each joining its read: the SQLite
     * carrier budget gets every carrier back (a carrier kept would make later reads wait for ever), and
     * every read finds its row.
     */
    @OnEachDatabase
    void primaryKeyReadsFromEightTimesMoreCallersThanConnectionsAllFindTheirRows(TestDb t) throws Exception {
        Database db = t.open(Config.builder().maxPoolSize(8).acquireTimeout(Duration.ofSeconds(60)).build());
        db.schema().dropAll(Animal.class).join();
        db.schema().createAll(Animal.class).join();
        List<Animal> animals = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            animals.add(new Animal("animal " + i));
        }
        db.execute(insert(Animal.class).values(animals)).join();

        for (int round = 0; round < 2; round++) {
            var wrong = new ConcurrentLinkedQueue<String>();
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                int caller = c;
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        Animal expected = animals.get((caller * 31 + i) % animals.size());
                        Animal read = db.scalar(select(Animal.class).where(Animal_.ID.eq(expected.id))).join();
                        if (read == null || !read.name.equals(expected.name)) {
                            wrong.add(expected.name + " read as " + (read == null ? null : read.name));
                        }
                    }
                }));
            }
            for (Thread caller : callers) {
                assertThat(caller.join(Duration.ofSeconds(60))).as("a caller finished").isTrue();
            }
            assertThat(wrong).isEmpty();
        }
        db.schema().dropAll(Animal.class).join();
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }
}
