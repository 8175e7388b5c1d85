package dev.osprey.session;

import dev.osprey.Database;
import dev.osprey.OspreyException;
import dev.osprey.QueryTimeoutException;
import dev.osprey.Session;
import dev.osprey.SessionOptions;
import dev.osprey.session.model.Author;
import dev.osprey.session.model.Author_;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session under misuse and interruption: read-only sessions, cancelled and timed-out statements. */
class SessionEdgesTest {

    private static CompletableFuture<Object> longQuery(Session s, TestDb t) {
        return s.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(t.target().longQuery())) {
                return rs.next() ? rs.getObject(1) : null;
            }
        });
    }

    @OnEachDatabase
    void aReadOnlySessionRefusesToWriteAndStoresNothing(TestDb t) {
        Database db = SessionFixture.open(t);
        var readers = db.sessions(SessionOptions.builder().readOnly(true).build());
        try (Session s = readers.open()) {
            s.add(new Author("Ada"));
            failure(s.commit(), OspreyException.class);
            s.rollback().join();
            assertThat(s.scalars(select(Author.class)).join()).isEmpty();
        }
        assertThat(db.count(select(Author.class)).join()).isZero();
        try (Session s = db.session()) {
            s.add(new Author("Bob"));
            s.commit().join();
        }
        assertThat(db.count(select(Author.class)).join()).isEqualTo(1);
    }

    @OnEachDatabase
    void cancellingASessionsStatementStopsItAndTheSessionGoesOnAfterRollback(TestDb t) {
        Database db = SessionFixture.open(t);
        try (Session s = db.session()) {
            s.add(new Author("Ada"));
            s.flush().join();
            CompletableFuture<Object> running = longQuery(s, t);
            running.cancel(true);
            assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
            s.rollback().join();   // the transaction may be aborted by the cancel (PostgreSQL): start again
            assertThat(s.scalars(select(Author.class)).join()).as("the flushed row was rolled back").isEmpty();
            s.add(new Author("Bob"));
            s.commit().join();
        }
        assertThat(db.scalars(select(Author.class)).join()).extracting(a -> a.name).containsExactly("Bob");
    }

    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)   // SQLite's second writer waits for the connection, not for a row lock
    void aSessionsStatementTimeoutStopsAStatementWaitingForALock(TestDb t) {
        Database db = SessionFixture.open(t);
        var ada = new Author("Ada");
        db.execute(insert(Author.class).values(ada)).join();
        var quick = db.sessions(SessionOptions.builder().statementTimeout(Duration.ofMillis(300)).build());
        try (Session holder = db.session(); Session waiter = quick.open()) {
            holder.execute(update(Author.class).set(Author_.POINTS, 1).where(Author_.ID.eq(ada.id))).join();
            failure(waiter.execute(update(Author.class).set(Author_.POINTS, 2).where(Author_.ID.eq(ada.id))),
                    QueryTimeoutException.class);
            waiter.rollback().join();
            holder.commit().join();
        }
        assertThat(db.scalar(select(Author_.POINTS).where(Author_.ID.eq(ada.id))).join()).isEqualTo(1);
    }

    @OnEachDatabase
    void aClosedSessionRefusesWorkAndClosingTwiceIsHarmless(TestDb t) {
        Database db = SessionFixture.open(t);
        Session s = db.session();
        s.add(new Author("Ada"));
        s.close();
        s.close();
        assertThatThrownBy(() -> s.get(Author.class, 1L)).isInstanceOf(IllegalStateException.class);
        assertThat(db.count(select(Author.class)).join()).as("close rolled back the pending insert").isZero();
    }
}
