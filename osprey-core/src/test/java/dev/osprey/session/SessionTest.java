package dev.osprey.session;

import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.Session;
import dev.osprey.session.SessionFixture.Recorder;
import dev.osprey.session.model.Author;
import dev.osprey.session.model.Author_;
import dev.osprey.session.model.Book;
import dev.osprey.session.model.Book_;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.delete;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session's operations one by one: add, get, delete, refresh, flush, commit, rollback, queries, withConnection. */
class SessionTest {

    private static long authors(Database db) {
        return db.count(select(Author.class)).join();
    }

    @OnEachDatabase
    void addThenCommitInsertsTheRowAndSetsTheId(TestDb t) {
        Database db = SessionFixture.open(t);
        var ada = new Author("Ada");
        try (Session s = db.session()) {
            assertThat(s.add(ada)).isSameAs(ada);
            s.add(ada);   // twice is harmless
            assertThat(s.inTransaction()).as("add does no I/O").isFalse();
            s.commit().join();
            assertThat(s.inTransaction()).isFalse();
        }
        assertThat(ada.id).isNotNull();
        Author stored = db.execute(select(Author.class).where(Author_.ID.eq(ada.id))).join().one();
        assertThat(stored.name).isEqualTo("Ada");
    }

    @OnEachDatabase
    void aSecondGetComesFromTheIdentityMapWithoutAQuery(TestDb t) {
        var recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        var ada = new Author("Ada");
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(ada)).join();
        recorder.clear();
        try (Session s = db.session()) {
            Author first = s.get(Author.class, ada.id).join();
            int afterFirst = recorder.count();
            Author second = s.get(Author.class, ada.id).join();
            assertThat(afterFirst).isEqualTo(1);
            assertThat(recorder.count()).as("no query for the second get").isEqualTo(1);
            assertThat(second).isSameAs(first).isNotSameAs(ada);
            assertThat(s.get(Author.class, ada.id + 1000).join()).isNull();
        }
    }

    @OnEachDatabase
    void anUpdateWritesOnlyTheChangedColumns(TestDb t) {
        var recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.commit().join();
            recorder.clear();
            ada.bio = "countess";
            s.commit().join();
            List<String> updates = recorder.matching("UPDATE");
            assertThat(updates).hasSize(1);
            String sql = updates.getFirst();
            assertThat(sql).contains(t.quote("bio")).doesNotContain(t.quote("name")).doesNotContain(t.quote("points"));
            recorder.clear();
            s.commit().join();
            assertThat(recorder.matching("UPDATE")).as("nothing changed: no update").isEmpty();
        }
        assertThat(db.scalar(select(Author_.BIO).where(Author_.NAME.eq("Ada"))).join()).isEqualTo("countess");
    }

    @OnEachDatabase
    void deleteRemovesRowsReferringTablesFirst(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.flush().join();
            Book book = s.add(new Book(ada, "Notes"));
            s.commit().join();
            s.delete(ada);       // the author first: the flush must still delete the book before it
            s.delete(book);
            assertThat(s.get(Author.class, ada.id).join()).as("marked for deletion").isNull();
            s.commit().join();
        }
        assertThat(authors(db)).isZero();
        assertThat(db.count(select(Book.class)).join()).isZero();
    }

    @OnEachDatabase
    void deletingAPendingEntityJustDropsIt(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.delete(ada);
            s.commit().join();
            assertThat(ada.id).isNull();
            assertThatThrownBy(() -> s.delete(new Author("stranger"))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(authors(db)).isZero();
    }

    @OnEachDatabase
    void refreshOverwritesUnflushedChanges(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.commit().join();
            db.execute(update(Author.class).set(Author_.POINTS, 7).where(Author_.ID.eq(ada.id))).join();
            ada.name = "changed locally";
            assertThat(s.refresh(ada).join()).isSameAs(ada);
            assertThat(ada.name).isEqualTo("Ada");
            assertThat(ada.points).isEqualTo(7);
            s.commit().join();
        }
        assertThat(db.scalar(select(Author_.NAME)).join()).isEqualTo("Ada");
    }

    @OnEachDatabase
    void queriesSeePendingChangesAndReturnTheSessionsInstances(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.add(new Author("Bob"));
            assertThat(s.count(select(Author.class)).join()).as("autoflush").isEqualTo(2L);
            List<Author> all = s.scalars(select(Author.class).orderBy(Author_.NAME.asc())).join();
            assertThat(all.getFirst()).isSameAs(ada);
            assertThat(s.execute(select(Author.class).where(Author_.NAME.eq("Ada"))).join().one()).isSameAs(ada);
            assertThat(s.scalar(select(count()).from(Author.class)).join()).isEqualTo(2L);
            assertThat(s.execute(update(Author.class).set(Author_.POINTS, 3).where(Author_.NAME.eq("Bob"))).join())
                    .isEqualTo(1L);
            assertThat(s.execute(delete(Author.class).where(Author_.NAME.eq("Bob"))).join()).isEqualTo(1L);
            assertThat(authors(db)).as("not committed yet").isZero();
            s.commit().join();
        }
        assertThat(authors(db)).isEqualTo(1L);
    }

    @OnEachDatabase
    void withConnectionRunsInTheSessionsTransaction(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            s.add(new Author("Ada"));
            long seen = s.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.quote("ses_authors"));
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }).join();
            assertThat(seen).as("autoflushed into the same transaction").isEqualTo(1L);
            assertThat(s.inTransaction()).isTrue();
            s.rollback().join();
        }
        assertThat(authors(db)).isZero();
    }

    @OnEachDatabase
    void aFailedFlushLeavesNoPartialRowsAndAUsableSession(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            s.add(new Author("Taken"));
            s.commit().join();
            Author first = s.add(new Author("First"));
            Author clash = s.add(new Author("Taken"));
            Author last = s.add(new Author("Last"));
            Author taken = s.get(Author.class, db.scalar(select(Author_.ID)).join()).join();
            taken.bio = "changed";
            failure(s.flush(), IntegrityViolationException.class);
            assertThat(first.id).as("ids of the failed flush are unset").isNull();
            assertThat(clash.id).isNull();
            assertThat(last.id).isNull();
            clash.name = "Fixed";
            // names are unique: had "First" stayed in the transaction, flushing it again would fail
            assertThat(s.count(select(Author.class)).join()).isEqualTo(4L);
            s.commit().join();
            assertThat(first.id).isNotNull();
        }
        assertThat(db.scalars(select(Author_.NAME).orderBy(Author_.NAME.asc())).join())
                .containsExactly("First", "Fixed", "Last", "Taken");
        assertThat(db.scalar(select(Author_.BIO).where(Author_.NAME.eq("Taken"))).join()).isEqualTo("changed");
    }

    @OnEachDatabase
    void rollbackLeavesTheDatabaseAndTheSessionConsistent(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.commit().join();
            Author bob = s.add(new Author("Bob"));
            ada.points = 5;
            s.flush().join();
            assertThat(bob.id).isNotNull();
            s.delete(ada);
            s.flush().join();
            s.rollback().join();
            assertThat(s.inTransaction()).isFalse();
            assertThat(bob.id).as("inserted in the rolled-back transaction").isNull();
            assertThat(ada.points).as("back to the committed row").isZero();
            assertThat(s.get(Author.class, ada.id).join()).as("the delete was rolled back").isSameAs(ada);
            s.commit().join();
            assertThat(authors(db)).isEqualTo(1L);
            ada.points = 2;
            s.add(bob);
            s.commit().join();
        }
        assertThat(db.scalars(select(Author_.POINTS).orderBy(Author_.NAME.asc())).join()).containsExactly(2, 0);
    }

    @OnEachDatabase
    void aSavepointRollsBackOnlyItsOwnWork(TestDb t) {
        Database db = SessionFixture.open(t);
        Author inner;
        try (Session s = db.session()) {
            Author outer = s.add(new Author("Outer"));
            inner = new Author("Inner");
            var boom = new IllegalStateException("boom");
            CompletableFuture<Object> failed = s.savepoint(in -> {
                in.add(inner);
                outer.points = 9;
                return in.flush().thenCompose(v -> CompletableFuture.failedFuture(boom));
            });
            assertThat(failure(failed, IllegalStateException.class)).isSameAs(boom);
            assertThat(inner.id).isNull();
            assertThat(outer.points).isZero();
            assertThat(s.savepoint(in -> in.count(select(Author.class))).join()).isEqualTo(1L);
            s.commit().join();
        }
        assertThat(db.scalars(select(Author_.NAME)).join()).containsExactly("Outer");
        assertThat(db.scalar(select(Author_.POINTS)).join()).isZero();
    }

    @OnEachDatabase
    void aClosedSessionRefusesUse(TestDb t) {
        Database db = SessionFixture.open(t);
        Session s = db.session();
        Author ada = s.add(new Author("Ada"));
        s.flush().join();
        s.close();
        s.close();   // again: nothing
        assertThat(s.inTransaction()).isFalse();
        assertThatThrownBy(() -> s.add(new Author("Bob"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.get(Author.class, 1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
        assertThat(ada.name).as("entities stay readable").isEqualTo("Ada");
        assertThat(authors(db)).as("close rolled back").isZero();
    }

    @OnEachDatabase
    void closingAnIdleSessionSetsItsEntitiesBackToWhatWasCommitted(TestDb t) {
        var recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        Session s = db.session();
        Author ada = s.add(new Author("Ada"));
        s.commit().join();
        ada.bio = "countess";                     // changed after the commit, never flushed
        Author bob = s.add(new Author("Bob"));    // added, never flushed
        recorder.clear();
        s.close();
        assertThat(recorder.count()).as("nothing begun: the close sends nothing").isZero();
        assertThat(ada.bio).isNull();
        assertThat(ada.name).isEqualTo("Ada");
        assertThat(bob.id).isNull();
        assertThat(authors(db)).isEqualTo(1);
        assertThat(db.scalar(select(Author_.BIO)).join()).isNull();
        assertThatThrownBy(() -> s.get(Author.class, ada.id)).isInstanceOf(IllegalStateException.class);
    }

    @OnEachDatabase
    void theBookTitleIsUniqueToo(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.flush().join();
            s.add(new Book(ada, "Same"));
            s.add(new Book(ada, "Same"));
            failure(s.commit(), IntegrityViolationException.class);
            assertThat(s.inTransaction()).as("a failed flush keeps the transaction").isTrue();
            s.rollback().join();
        }
        assertThat(authors(db)).isZero();
        assertThat(db.count(select(Book.class).where(Book_.TITLE.eq("Same"))).join()).isZero();
    }
}
