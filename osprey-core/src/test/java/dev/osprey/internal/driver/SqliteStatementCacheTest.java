package dev.osprey.internal.driver;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.Row;
import dev.osprey.zoo.Animal;
import dev.osprey.zoo.Animal_;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite keeps the prepared statements of single reads and writes, transactions and sessions across
 * calls (see {@link SqliteStatementCache}); these tests make sure that a kept statement never holds on to
 * anything: no read transaction stays open (a full WAL checkpoint succeeds right after), reads see what
 * was committed between them, a rollback undoes what kept statements wrote, and a statement that failed,
 * a changed schema or more distinct statements than are kept leave later statements right.
 */
class SqliteStatementCacheTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.connect("sqlite:" + dir.resolve("kept.db"),
                Config.builder().maxPoolSize(4).acquireTimeout(Duration.ofSeconds(2)).build());
        db.schema().createAll(Animal.class).join();
        for (int i = 0; i < 20; i++) {
            var animal = new Animal("animal " + i);
            animal.number = i;
            db.execute(dev.osprey.query.Sql.insert(Animal.class).values(animal)).join();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A full checkpoint of the write-ahead log completes only when no reader is inside a read transaction. */
    private void assertNoReadTransactionIsOpen() {
        Row result = db.query("PRAGMA wal_checkpoint(TRUNCATE)").join().getFirst();
        assertThat(result.get(0, Integer.class)).as("busy: a reader still holds a snapshot").isZero();
    }

    /** Reads from several callers at once, so that every pooled reader keeps statements. */
    private void readFromEveryConnection(int times) {
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            int number = i % 20;
            reads.add(db.scalars(select(Animal.class).where(Animal_.NUMBER.eq(number))));
            reads.add(db.scalar(select(Animal.class).where(Animal_.NAME.eq("animal " + number))));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void keptStatementsLeaveNoReadTransactionOpen() {
        readFromEveryConnection(200);
        assertNoReadTransactionIsOpen();
        Animal one = db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(3))).join();
        assertThat(one.name).isEqualTo("animal 3");
        assertNoReadTransactionIsOpen();
    }

    @Test
    void readsSeeWhatWasCommittedBetweenThem() {
        for (int i = 0; i < 50; i++) {
            db.execute(update(Animal.class).set(Animal_.NOTES, "note " + i).where(Animal_.NUMBER.eq(7))).join();
            readFromEveryConnection(8);
            Animal seven = db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(7))).join();
            assertThat(seven.notes).isEqualTo("note " + i);
        }
    }

    @Test
    void aReadThatFailedLeavesLaterReadsRight() {
        db.execute("UPDATE zoo_animals SET instant = 'not a time' WHERE number = 5").join();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> db.scalars(select(Animal.class).where(Animal_.NUMBER.eq(5))).join())
                    .hasRootCauseInstanceOf(java.time.format.DateTimeParseException.class)
                    .hasMessageContaining("instant");
        }
        assertNoReadTransactionIsOpen();
        db.execute("UPDATE zoo_animals SET instant = NULL WHERE number = 5").join();
        assertThat(db.scalars(select(Animal.class).where(Animal_.NUMBER.eq(5))).join())
                .singleElement().extracting(a -> a.name).isEqualTo("animal 5");
    }

    @Test
    void keptWritesThatFailedLeaveLaterWritesAndReadsRight() {
        for (int i = 0; i < 30; i++) {
            var duplicate = new Animal("animal " + (i % 20));   // the name is unique
            assertThatThrownBy(() -> db.execute(dev.osprey.query.Sql.insert(Animal.class).values(duplicate)).join())
                    .hasCauseInstanceOf(dev.osprey.IntegrityViolationException.class);
            var fresh = new Animal("fresh " + i);
            fresh.number = 100 + i;
            db.execute(dev.osprey.query.Sql.insert(Animal.class).values(fresh)).join();
            assertThat(fresh.id).isNotNull();
            assertThat(db.execute(update(Animal.class).set(Animal_.NOTES, "n" + i).where(Animal_.NUMBER.eq(100 + i)))
                    .join()).isEqualTo(1);
        }
        assertNoReadTransactionIsOpen();
        assertThat(db.count(select(Animal.class)).join()).isEqualTo(50);
        assertThat(db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(129))).join().notes).isEqualTo("n29");
    }

    @Test
    void aTableMadeAgainIsReadAsItIsNow() {
        readFromEveryConnection(40);
        db.schema().dropAll(Animal.class).join();
        db.schema().createAll(Animal.class).join();
        var animal = new Animal("new");
        animal.number = 3;
        db.execute(dev.osprey.query.Sql.insert(Animal.class).values(animal)).join();

        assertThat(db.scalars(select(Animal.class).where(Animal_.NUMBER.eq(3))).join())
                .singleElement().extracting(a -> a.name).isEqualTo("new");
        assertThat(db.scalars(select(Animal.class).where(Animal_.NUMBER.eq(4))).join()).isEmpty();
        assertNoReadTransactionIsOpen();
    }

    @Test
    void moreDistinctReadsThanAreKeptStillReadRight() {
        for (int size = 1; size <= SqliteStatementCache.PER_CONNECTION * 2; size++) {
            List<Integer> numbers = new ArrayList<>();
            for (int n = 0; n < size; n++) {
                numbers.add(n);
            }
            // an IN list of each length is a statement text of its own
            assertThat(db.scalars(select(Animal.class).where(Animal_.NUMBER.in(numbers))).join())
                    .hasSize(Math.min(size, 20));
        }
        assertNoReadTransactionIsOpen();
    }

    @Test
    void sessionsReuseKeptStatementsAndStillCommitAndRollBackWhatTheyWrote() {
        for (int i = 0; i < 20; i++) {
            int number = i;
            boolean changed = db.transaction(s -> s.get(Animal.class, idOf(number)).thenApply(animal -> {
                animal.notes = "committed " + number;
                return true;
            })).join();
            assertThat(changed).isTrue();
            try (var session = db.session()) {
                Animal animal = session.get(Animal.class, idOf(number)).join();
                animal.notes = "rolled back " + number;
                session.flush().join();
                assertThat(session.scalar(select(Animal.class).where(Animal_.NUMBER.eq(number))).join().notes)
                        .isEqualTo("rolled back " + number);
                session.rollback().join();
            }
        }
        assertNoReadTransactionIsOpen();
        for (int i = 0; i < 20; i++) {
            assertThat(db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(i))).join().notes)
                    .isEqualTo("committed " + i);
        }
    }

    @Test
    void aFlushThatFailedInASessionLeavesItsKeptStatementsAndItsTransactionRight() {
        try (var session = db.session()) {
            Animal first = session.get(Animal.class, idOf(1)).join();
            first.notes = "kept";
            session.flush().join();
            for (int i = 0; i < 5; i++) {
                Animal animal = session.get(Animal.class, idOf(2)).join();
                animal.name = "animal 3";   // the name is unique: this flush fails, and is undone to its savepoint
                assertThatThrownBy(() -> session.flush().join()).hasCauseInstanceOf(dev.osprey.IntegrityViolationException.class);
                animal.name = "animal 2";
            }
            session.commit().join();
        }
        assertNoReadTransactionIsOpen();
        assertThat(db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(1))).join().notes).isEqualTo("kept");
        assertThat(db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(2))).join().name).isEqualTo("animal 2");
    }

    private long idOf(int number) {
        return db.scalar(select(Animal.class).where(Animal_.NUMBER.eq(number))).join().id;
    }
}
