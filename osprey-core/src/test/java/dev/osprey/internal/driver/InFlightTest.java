package dev.osprey.internal.driver;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls a driver runs, as closing sees them: every call that entered and did not exit, however many
 * run at once (more than the table has slots), and none that exited; none admitted once closing began.
 */
class InFlightTest {

    @Test
    void closeGivesExactlyTheCallsThatEnteredAndDidNotExit() throws Exception {
        var inFlight = new InFlight();
        int threads = 8;
        int perThread = 300;   // 2,400 calls at once: most of them beyond the table's slots
        List<Operation<?>> kept = Collections.synchronizedList(new ArrayList<>());
        var ready = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    var operation = new Operation<Void>();
                    assertThat(inFlight.enter(operation)).isTrue();
                    if (i % 3 == 0) {
                        inFlight.exit(operation);
                    } else {
                        kept.add(operation);
                    }
                }
                ready.countDown();
            }));
        }
        ready.await();
        for (Thread thread : started) {
            thread.join();
        }

        List<Operation<?>> unfinished = inFlight.close(Duration.ZERO);

        assertThat(unfinished).hasSize(threads * perThread * 2 / 3).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(inFlight.enter(new Operation<Void>())).isFalse();
    }

    @Test
    void closeWaitsForTheLastCallToExit() throws Exception {
        var inFlight = new InFlight();
        var operation = new Operation<Void>();
        assertThat(inFlight.enter(operation)).isTrue();
        var exiting = Thread.ofPlatform().start(() -> {
            while (!inFlight.isClosed()) {
                Thread.onSpinWait();
            }
            inFlight.exit(operation);
        });

        List<Operation<?>> unfinished = inFlight.close(Duration.ofSeconds(30));

        exiting.join();
        assertThat(unfinished).isEmpty();
    }

    @Test
    void aCallThatExitsTwiceDoesNotFreeAnotherCallsSlot() {
        var inFlight = new InFlight();
        var first = new Operation<Void>();
        inFlight.enter(first);
        inFlight.exit(first);
        List<Operation<?>> others = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {   // enough to take first's slot again
            var other = new Operation<Void>();
            inFlight.enter(other);
            others.add(other);
        }
        inFlight.exit(first);

        assertThat(inFlight.close(Duration.ZERO)).containsExactlyInAnyOrderElementsOf(others);
    }
}
