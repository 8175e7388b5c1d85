package dev.osprey.session;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.Session;
import dev.osprey.StatementListener;
import dev.osprey.session.model.Account;
import dev.osprey.session.model.Author;
import dev.osprey.session.model.Book;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.osprey.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a session's calls run: a call queued by the callbacks of the call before it (read, then
 * commit) runs on the thread that ran that call, without a thread of its own and with no idle
 * connection in between; a call queued that way runs whether or not anybody waits for it; and a call
 * whose caller keeps running without ever waiting for it runs all the same.
 */
class CallThreadTest {

    /** Remembers the thread each statement ran on, by the first word of its SQL; can hold the first SELECT back. */
    private static final class Threads implements StatementListener {
        final Map<String, Thread> byVerb = new ConcurrentHashMap<>();
        final CountDownLatch selectMayRun = new CountDownLatch(1);

        @Override
        public void started(String sql, List<Object> binds) {
            String verb = sql.substring(0, sql.indexOf(' ')).toUpperCase(java.util.Locale.ROOT);
            if (verb.equals("SELECT")) {
                await(selectMayRun);
            }
            byVerb.putIfAbsent(verb, Thread.currentThread());
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Database open(TestDb t, StatementListener listener) {
        Database db = t.open(Config.builder().acquireTimeout(Duration.ofSeconds(20)).listener(listener).build());
        db.schema().dropAll(Book.class, Author.class, Account.class).join();
        db.schema().createAll(Author.class, Book.class, Account.class).join();
        return db;
    }

    @OnEachDatabase
    void theCommitQueuedByAReadsCallbackRunsOnTheThreadThatRanTheRead(TestDb t) throws Exception {
        Database setup = open(t, new StatementListener() { });
        Author ada = new Author("Ada");
        setup.execute(dev.osprey.query.Sql.insert(Author.class).values(ada)).join();

        for (boolean join : new boolean[] {true, false}) {   // a waiting caller may run the calls, or call threads
            var threads = new Threads();
            Database db = t.open(Config.builder().listener(threads).build());
            CompletableFuture<Boolean> changed = db.transaction(s -> s.get(Author.class, ada.id).thenApply(a -> {
                a.points++;
                return true;
            }));
            threads.selectMayRun.countDown();   // held until here, so the read's callbacks are in place when it ends
            assertThat(join ? changed.join() : changed.get(20, TimeUnit.SECONDS)).isTrue();

            assertThat(threads.byVerb.get("UPDATE")).as("the commit's thread").isNotNull()
                    .isSameAs(threads.byVerb.get("SELECT"));
        }
        assertThat(setup.scalar(select(Author.class)).join().points).isEqualTo(2);
    }

    @OnEachDatabase
    void aCallQueuedByACallbackRunsThoughNobodyWaitsForIt(TestDb t) throws Exception {
        var threads = new Threads();
        threads.selectMayRun.countDown();
        Database db = open(t, threads);
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(new Author("Ada"))).join();

        try (Session s = db.session()) {
            var counted = new CompletableFuture<Long>();
            // The caller waits for the read only: the count queued by its callback is nobody's to run but the session's.
            Author ada = s.scalar(select(Author.class)).whenComplete((a, e) -> s.add(new Author("Eve")))
                    .thenApply(a -> {
                        s.count(select(Author.class)).whenComplete((n, e) -> {
                            if (e == null) {
                                counted.complete(n);
                            } else {
                                counted.completeExceptionally(e);
                            }
                        });
                        return a;
                    }).join();
            assertThat(ada.name).isEqualTo("Ada");
            assertThat(counted.get(20, TimeUnit.SECONDS)).as("Eve was flushed first").isEqualTo(2L);

            // Nobody joins at all: the chain runs on call threads alone.
            CompletableFuture<Long> chained = s.scalar(select(Author.class))
                    .thenCompose(a -> s.count(select(Author.class)));
            assertThat(chained.get(20, TimeUnit.SECONDS)).isEqualTo(2L);
            s.rollback().join();
        }
        assertThat(db.count(select(Author.class)).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void aCallRunsWhileItsCallerKeepsRunningWithoutWaiting(TestDb t) {
        Database db = open(t, new StatementListener() { });
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(new Author("Ada"))).join();

        // The caller never parks and never claims the work: its call thread must not wait for it for ever.
        CompletableFuture<Long> counted = db.count(select(Author.class));
        busyUntilDone(counted);
        assertThat(counted.join()).isEqualTo(1L);

        try (Session s = db.session()) {
            CompletableFuture<Author> read = s.scalar(select(Author.class));
            busyUntilDone(read);
            assertThat(read.join().name).isEqualTo("Ada");
        }
    }

    private static void busyUntilDone(CompletableFuture<?> future) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!future.isDone()) {
            assertThat(System.nanoTime() - deadline).as("the call ran").isNegative();
            Thread.onSpinWait();
        }
    }
}
