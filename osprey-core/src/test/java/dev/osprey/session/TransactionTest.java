package dev.osprey.session;

import dev.osprey.Database;
import dev.osprey.Isolation;
import dev.osprey.Session;
import dev.osprey.SessionFactory;
import dev.osprey.SessionOptions;
import dev.osprey.StaleObjectException;
import dev.osprey.session.model.Account;
import dev.osprey.session.model.Account_;
import dev.osprey.session.model.Author;
import dev.osprey.session.model.Author_;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Transactions: db.transaction, retries after serialization failures, optimistic locking, many callers of one session. */
class TransactionTest {

    @OnEachDatabase
    void transactionCommitsOnSuccessAndRollsBackOnFailure(TestDb t) {
        Database db = SessionFixture.open(t);
        Long id = db.transaction(s -> {
            Author ada = s.add(new Author("Ada"));
            return s.flush().thenApply(v -> ada.id);
        }).join();
        assertThat(id).isNotNull();
        var boom = new IllegalStateException("boom");
        var failed = db.transaction(s -> {
            s.add(new Author("Bob"));
            return s.get(Author.class, id).thenCompose(ada -> {
                ada.points = 10;
                return s.flush().thenCompose(v -> CompletableFuture.failedFuture(boom));
            });
        });
        assertThat(failure(failed, IllegalStateException.class)).isSameAs(boom);
        assertThat(db.scalars(select(Author_.NAME)).join()).containsExactly("Ada");
        assertThat(db.scalar(select(Author_.POINTS)).join()).isZero();
    }

    @OnEachDatabase
    void optimisticLockingRefusesAStaleUpdateAndWritesNothing(TestDb t) {
        Database db = SessionFixture.open(t);
        long id = db.transaction(s -> {
            Account a = s.add(new Account("Ada", 100));
            return s.flush().thenApply(v -> a.id);
        }).join();
        // Each session ends its read transaction before the other writes: SQLite has one writer connection,
        // which a session holds for its whole transaction.
        try (Session first = db.session(); Session second = db.session()) {
            Account mine = first.get(Account.class, id).join();
            first.commit().join();
            Account theirs = second.get(Account.class, id).join();
            theirs.balance = 150;
            second.commit().join();
            assertThat(theirs.version).isEqualTo(1);

            Author other = first.add(new Author("written with the stale update"));
            mine.balance = 90;
            failure(first.commit(), StaleObjectException.class);
            assertThat(other.id).as("nothing of the flush was written").isNull();
            assertThat(mine.version).isZero();
            first.rollback().join();
            assertThat(mine.balance).as("back to what it read").isEqualTo(100);
            first.refresh(mine).join();
            assertThat(mine.balance).isEqualTo(150);
            assertThat(mine.version).isEqualTo(1);
            mine.balance = 90;
            first.commit().join();
            assertThat(mine.version).isEqualTo(2);

            theirs.owner = "Ada L.";   // the second session's copy is at version 1: stale now
            failure(second.commit(), StaleObjectException.class);
            second.rollback().join();
            assertThat(db.scalar(select(Account_.BALANCE)).join()).isEqualTo(90L);
            assertThat(db.scalar(select(Account_.OWNER)).join()).isEqualTo("Ada");

            first.delete(mine);
            first.commit().join();
        }
        assertThat(db.count(select(Account.class)).join()).isZero();
        assertThat(db.count(select(Author.class)).join()).isZero();
    }

    @OnEachDatabase
    void aVersionedDeleteOfAChangedRowIsStale(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Account a = s.add(new Account("Ada", 1));
            s.commit().join();
            assertThat(a.version).isZero();
            db.execute(update(Account.class).set(Account_.VERSION, 5).where(Account_.ID.eq(a.id))).join();
            s.delete(a);
            failure(s.commit(), StaleObjectException.class);
            s.rollback().join();
        }
        assertThat(db.count(select(Account.class)).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void aHundredTasksCanShareOneSession(TestDb t) throws Exception {
        Database db = SessionFixture.open(t);
        int tasks = 100;
        try (Session s = db.session()) {
            var start = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> results = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                String name = "task-" + i;
                var result = new CompletableFuture<Boolean>();
                results.add(result);
                threads.add(Thread.startVirtualThread(() -> {
                    try {
                        start.await();
                        Author mine = s.add(new Author(name));
                        CompletableFuture<Boolean> work = s.flush()
                                .thenCompose(v -> s.get(Author.class, mine.id))
                                .thenCompose(found -> s.execute(update(Author.class)
                                                .set(Author_.POINTS, Author_.POINTS.plus(1))
                                                .where(Author_.ID.eq(mine.id)))
                                        .thenCompose(rows -> s.execute(select(Author.class)
                                                .where(Author_.NAME.eq(name))))
                                        .thenApply(r -> found == mine && r.one() == mine && rowsOk(r.one())));
                        work.whenComplete((ok, error) -> {
                            if (error != null) {
                                result.completeExceptionally(error);
                            } else {
                                result.complete(ok);
                            }
                        });
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                }));
            }
            start.countDown();
            for (CompletableFuture<Boolean> result : results) {
                assertThat(result.join()).isTrue();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            s.commit().join();
        }
        assertThat(db.count(select(Author.class)).join()).isEqualTo((long) tasks);
        assertThat(db.count(select(Author.class).where(Author_.POINTS.eq(1))).join()).isEqualTo((long) tasks);
    }

    private static boolean rowsOk(Author author) {
        return author.id != null && author.name.startsWith("task-");
    }

    @OnEachDatabase
    void aSessionFactoryKeepsItsOptions(TestDb t) {
        Database db = SessionFixture.open(t);
        SessionFactory readers = db.sessions(SessionOptions.builder().readOnly(true)
                .statementTimeout(Duration.ofSeconds(30)).build());
        assertThat(readers.options().readOnly()).isTrue();
        db.transaction(s -> {
            s.add(new Author("Ada"));
            return CompletableFuture.completedFuture(null);
        }).join();
        try (Session s = readers.open()) {
            assertThat(s.count(select(Author.class)).join()).isEqualTo(1L);
        }
        assertThat(readers.transaction(s -> s.scalar(select(Author_.NAME))).join()).isEqualTo("Ada");
    }

    /**
     * Two SERIALIZABLE transactions read the same row, then both write it: the database refuses one
     * (a serialization failure on PostgreSQL, a deadlock on MariaDB), which runs again and succeeds.
     */
    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void aSerializationFailureIsRetriedInAFreshSession(TestDb t) {
        Database db = SessionFixture.open(t);
        long id = db.transaction(s -> {
            Author a = s.add(new Author("Counter"));
            return s.flush().thenApply(v -> a.id);
        }).join();
        var options = SessionOptions.builder().isolation(Isolation.SERIALIZABLE).maxRetries(5)
                .retryBackoff(Duration.ofMillis(5)).build();
        var attempts = new AtomicInteger();
        var read = new AtomicInteger();
        var bothRead = new CompletableFuture<Void>();
        TransactionWork increment = s -> {
            boolean first = attempts.incrementAndGet() <= 2;
            return s.get(Author.class, id).thenCompose(author -> {
                if (first && read.incrementAndGet() == 2) {
                    bothRead.complete(null);
                }
                CompletableFuture<Void> ready = first ? bothRead : CompletableFuture.completedFuture(null);
                return ready.thenCompose(v -> {
                    author.points += 1;
                    return s.flush();
                });
            }).thenApply(v -> null);
        };
        CompletableFuture<Object> one = db.transaction(options, increment::run);
        CompletableFuture<Object> two = db.transaction(options, increment::run);
        one.join();
        two.join();
        assertThat(attempts.get()).as("one of them ran again").isGreaterThanOrEqualTo(3);
        assertThat(db.scalar(select(Author_.POINTS).where(Author_.ID.eq(id))).join()).isEqualTo(2);
    }

    @FunctionalInterface
    private interface TransactionWork {
        CompletableFuture<Object> run(Session s);
    }
}
