package dev.osprey.internal.driver;

import dev.osprey.Database;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import dev.osprey.zoo.Animal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static dev.osprey.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls whose callers do not wait for them still run ({@link CallStarter}): after the starter has gone to
 * sleep for want of calls, while other callers keep claiming theirs (and take the starter's looks), after
 * a stretch of claimed calls (when the starter looks less often), and many at once, after which calls get
 * their threads at once. A timed
 * {@code get} only waits: it never runs the call itself.
 */
class CallStarterTest {

    private static Database withAnimals(TestDb t) {
        Database db = t.db();
        db.schema().dropAll(Animal.class).join();
        db.schema().createAll(Animal.class).join();
        db.execute(dev.osprey.query.Sql.insert(Animal.class).values(new Animal("Rex"))).join();
        return db;
    }

    /** It sleeps once no call was offered for a while; calls wait for it again a while after many went unclaimed. */
    private static void awaitStarterAsleep() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!CallStarter.sleeping() || CallStarter.startsAtOnce()) {
            assertThat(System.nanoTime() - deadline).as("the starter went to sleep").isNegative();
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @OnEachDatabase
    void aCallNobodyWaitsForRunsAfterTheStarterWentToSleep(TestDb t) throws Exception {
        Database db = withAnimals(t);
        awaitStarterAsleep();

        CompletableFuture<Long> counted = db.count(select(Animal.class));
        assertThat(counted.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
    }

    @OnEachDatabase
    void aCallNobodyWaitsForRunsWhileOtherCallersKeepClaimingTheirs(TestDb t) throws Exception {
        Database db = withAnimals(t);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong claimed = new AtomicLong();
        Thread busy = Thread.ofVirtual().start(() -> {   // its calls are claimed: it takes the starter's looks
            while (!stop.get()) {
                db.count(select(Animal.class)).join();
                claimed.incrementAndGet();
            }
        });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (claimed.get() < 200) {
                assertThat(System.nanoTime() - deadline).as("the busy caller got going").isNegative();
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            CompletableFuture<Long> counted = db.count(select(Animal.class));   // a timed get only waits
            assertThat(counted.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
        } finally {
            stop.set(true);
            busy.join();
        }
    }

    @OnEachDatabase
    void aCallNobodyWaitsForRunsAfterAStretchOfClaimedCalls(TestDb t) throws Exception {
        Database db = withAnimals(t);
        for (int i = 0; i < 500; i++) {   // every look finds all claimed: the sweeper looks less and less often
            db.count(select(Animal.class)).join();
        }
        CompletableFuture<Long> counted = db.count(select(Animal.class));
        assertThat(counted.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(db.count(select(Animal.class)).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void oneUnclaimedCallAmongClaimedOnesDoesNotMakeCallsStartAtOnce(TestDb t) throws Exception {
        Database db = withAnimals(t);
        awaitStarterAsleep();

        CompletableFuture<Long> counted = db.count(select(Animal.class));   // a timed get only waits
        assertThat(counted.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
        for (int i = 0; i < 2 * CallStarter.SHARE_SAMPLE; i++) {
            assertThat(db.count(select(Animal.class)).join()).isEqualTo(1L);
        }
        assertThat(CallStarter.startsAtOnce()).as("one call in %d went unclaimed", 2 * CallStarter.SHARE_SAMPLE + 1)
                .isFalse();
    }

    @OnEachDatabase
    void manyCallsNobodyWaitsForAllRunAndLaterCallsStartAtOnce(TestDb t) throws Exception {
        Database db = withAnimals(t);
        awaitStarterAsleep();   // not still starting calls at once after an earlier test: that could end midway
        List<CompletableFuture<Long>> counts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            counts.add(db.count(select(Animal.class)));
        }
        for (CompletableFuture<Long> count : counts) {
            assertThat(count.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
        }
        assertThat(CallStarter.startsAtOnce()).as("most calls went unclaimed: they start at once now").isTrue();
        assertThat(db.count(select(Animal.class)).get(20, TimeUnit.SECONDS)).isEqualTo(1L);
    }
}
