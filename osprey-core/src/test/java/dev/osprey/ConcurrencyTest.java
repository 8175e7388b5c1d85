package dev.osprey;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

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
}
