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

import static dev.osprey.query.Sql.select;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flush sends no statement it does not need: no savepoint where a failure could not leave part of
 * it behind, and no transaction around a commit of one statement; and every shortcut still leaves no
 * partial rows and a usable session when a statement fails.
 */
class FlushRoundTripsTest {

    @OnEachDatabase
    void committingOneNewEntitySendsOnlyItsInsert(TestDb t) {
        Recorder recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.commit().join();
            assertThat(recorder.sql).singleElement().satisfies(sql -> assertThat(sql).startsWithIgnoringCase("INSERT"));
            assertThat(ada.id).isNotNull();
            assertThat(s.inTransaction()).isFalse();
        }
        assertThat(db.count(select(Author.class)).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void onlyAFlushOfSeveralStatementsAfterOtherWorkTakesASavepointAndCommitEndsIt(TestDb t) {
        Recorder recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            s.add(new Author("Eve"));
            s.flush().join();
            assertThat(recorder.matching("SAVEPOINT")).as("the flush opened the transaction").isEmpty();
            s.add(new Book(ada, "Notes"));
            s.add(new Author("Bob"));
            s.commit().join();
        }
        assertThat(recorder.matching("SAVEPOINT")).as("two inserts after other work").hasSize(1);
        assertThat(recorder.matching("RELEASE")).as("the commit ends the savepoint").isEmpty();
        assertThat(db.count(select(Author.class)).join()).isEqualTo(3L);
        assertThat(db.count(select(Book.class)).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void aSavepointGuardsALaterSingleStatementFlushOnlyWhereAFailureAbortsTheTransaction(TestDb t) {
        Recorder recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(new Author("Ada"))).join();
        recorder.clear();
        try (Session s = db.session()) {
            Author ada = s.scalar(select(Author.class)).join();
            ada.points = 5;
            s.flush().join();
            s.commit().join();
        }
        boolean guarded = t.dialect().failedStatementAbortsTransaction();
        assertThat(recorder.matching("SAVEPOINT")).hasSize(guarded ? 1 : 0);
        assertThat(db.scalar(select(Author_.POINTS)).join()).isEqualTo(5);
    }

    @OnEachDatabase
    void aFailedFirstFlushOfSeveralStatementsLeavesNoRowsAndTheSessionGoesOn(TestDb t) {
        Database db = SessionFixture.open(t);
        Author owner = new Author("Owner");
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(owner)).join();
        db.execute(dev.osprey.query.Sql.insert(Book.class).values(new Book(owner, "Taken"))).join();
        try (Session s = db.session()) {
            s.add(new Author("Ada"));
            Book clash = s.add(new Book(owner, "Taken"));
            failure(s.flush(), IntegrityViolationException.class);
            assertThat(db.count(select(Author.class)).join()).as("the author of the failed flush").isEqualTo(1L);

            clash.title = "Free";
            s.commit().join();
        }
        assertThat(db.count(select(Author.class)).join()).isEqualTo(2L);
        assertThat(db.count(select(Book.class).where(Book_.TITLE.eq("Free"))).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void aFailedCommitOfSeveralStatementsLeavesNoRowsAndKeepsThemPending(TestDb t) {
        Database db = SessionFixture.open(t);
        Author owner = new Author("Owner");
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(owner)).join();
        db.execute(dev.osprey.query.Sql.insert(Book.class).values(new Book(owner, "Taken"))).join();
        try (Session s = db.session()) {
            Author ada = s.add(new Author("Ada"));
            Book clash = s.add(new Book(owner, "Taken"));
            failure(s.commit(), IntegrityViolationException.class);
            assertThat(s.inTransaction()).as("nothing is left open").isFalse();
            assertThat(db.count(select(Author.class)).join()).isEqualTo(1L);

            clash.title = "Free";
            s.commit().join();
            assertThat(ada.id).isNotNull();
        }
        assertThat(db.count(select(Author.class)).join()).isEqualTo(2L);
        assertThat(db.count(select(Book.class)).join()).isEqualTo(2L);
    }

    @OnEachDatabase
    void aFailedCommitOfOneStatementLeavesNoRowAndKeepsItPending(TestDb t) {
        Database db = SessionFixture.open(t);
        Author owner = new Author("Owner");
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(owner)).join();
        db.execute(dev.osprey.query.Sql.insert(Book.class).values(new Book(owner, "Taken"))).join();
        try (Session s = db.session()) {
            Book clash = s.add(new Book(owner, "Taken"));
            failure(s.commit(), IntegrityViolationException.class);
            assertThat(clash.id).as("no id for a row that was not stored").isNull();

            clash.title = "Free";
            s.commit().join();
            assertThat(clash.id).isNotNull();
        }
        assertThat(db.count(select(Book.class)).join()).isEqualTo(2L);
        assertThat(t.awaitIdle(java.time.Duration.ofSeconds(5))).as("no connection left out").isTrue();
    }

    @OnEachDatabase
    void aCommitAfterOnlyReadsTakesNoSavepoint(TestDb t) {
        Recorder recorder = new Recorder();
        Database db = SessionFixture.open(t, recorder);
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(new Author("Ada"))).join();
        recorder.clear();
        try (Session s = db.session()) {
            Author ada = s.scalar(select(Author.class)).join();
            ada.points = 7;
            s.commit().join();
        }
        assertThat(recorder.matching("SAVEPOINT")).isEmpty();
        assertThat(db.scalar(select(Author_.POINTS)).join()).isEqualTo(7);
    }

    @OnEachDatabase
    void aFailedCommitAfterOnlyReadsKeepsTheChangePendingAndTheSessionGoesOn(TestDb t) {
        Database db = SessionFixture.open(t);
        Author owner = new Author("Owner");
        db.execute(dev.osprey.query.Sql.insert(Author.class).values(owner)).join();
        db.execute(dev.osprey.query.Sql.insert(Book.class).values(new Book(owner, "Taken"))).join();
        db.execute(dev.osprey.query.Sql.insert(Book.class).values(new Book(owner, "Other"))).join();
        try (Session s = db.session()) {
            Book other = s.scalar(select(Book.class).where(Book_.TITLE.eq("Other"))).join();
            other.title = "Taken";
            failure(s.commit(), IntegrityViolationException.class);
            failure(s.flush(), IntegrityViolationException.class);   // still pending: the next flush tries it again
            other.title = "Free";
            s.commit().join();
        }
        assertThat(db.scalars(select(Book_.TITLE).orderBy(Book_.TITLE.asc())).join()).containsExactly("Free", "Taken");
        assertThat(t.awaitIdle(java.time.Duration.ofSeconds(5))).as("no connection left out").isTrue();
    }
}
