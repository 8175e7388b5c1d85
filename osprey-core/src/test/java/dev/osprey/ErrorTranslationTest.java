package dev.osprey;

import dev.osprey.IntegrityViolationException.Kind;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.osprey.mapping.SqlType.INTEGER;
import static dev.osprey.mapping.SqlType.VARCHAR;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each exception type, produced by a real condition on a real server. */
class ErrorTranslationTest {

    private static void createParentAndChild(TestDb t) {
        t.db().execute("DROP TABLE IF EXISTS err_child").join();
        t.recreate("err_parent", "id " + t.type(INTEGER) + " PRIMARY KEY, "
                + "email " + t.type(VARCHAR, 100) + " NOT NULL, "
                + "age " + t.type(INTEGER) + ", "
                + "CONSTRAINT uq_err_email UNIQUE (email), "
                + "CONSTRAINT ck_err_age CHECK (age >= 0)");
        t.recreate("err_child", "id " + t.type(INTEGER) + " PRIMARY KEY, parent_id " + t.type(INTEGER) + ", "
                + "CONSTRAINT fk_err_parent FOREIGN KEY (parent_id) REFERENCES err_parent (id)");
        t.db().execute("INSERT INTO err_parent (id, email, age) VALUES (?, ?, ?)", 1, "taken@example.com", 30).join();
    }

    @OnEachDatabase
    void duplicateKeyIsAUniqueViolationWithoutTheValueInTheMessage(TestDb t) {
        createParentAndChild(t);
        String sql = "INSERT INTO err_parent (id, email) VALUES (?, ?)";
        var e = failure(t.db().execute(sql, 2, "taken@example.com"), IntegrityViolationException.class);
        assertThat(e.kind()).isEqualTo(Kind.UNIQUE);
        assertThat(e.sqlState()).startsWith("23");
        assertThat(e.sql()).isEqualTo(sql);
        assertThat(e.getMessage()).contains(sql).doesNotContain("taken@example.com");
        // the primary key is a unique key too
        assertThat(failure(t.db().execute(sql, 1, "other@example.com"), IntegrityViolationException.class).kind())
                .isEqualTo(Kind.UNIQUE);
    }

    @OnEachDatabase
    @RequiresCapability(Capability.NAMED_CONSTRAINTS)
    void uniqueAndForeignKeyViolationsNameTheirConstraint(TestDb t) {
        createParentAndChild(t);
        var unique = failure(t.db().execute("INSERT INTO err_parent (id, email) VALUES (2, 'taken@example.com')"),
                IntegrityViolationException.class);
        assertThat(unique.constraint()).isEqualToIgnoringCase("uq_err_email");
        var foreign = failure(t.db().execute("INSERT INTO err_child (id, parent_id) VALUES (1, 99)"),
                IntegrityViolationException.class);
        assertThat(foreign.constraint()).isEqualToIgnoringCase("fk_err_parent");
    }

    @OnEachDatabase
    void missingRequiredValueIsANotNullViolation(TestDb t) {
        createParentAndChild(t);
        var e = failure(t.db().execute("INSERT INTO err_parent (id, email) VALUES (?, ?)", 3, null),
                IntegrityViolationException.class);
        assertThat(e.kind()).isEqualTo(Kind.NOT_NULL);
        assertThat(e.sqlState()).startsWith("23");
    }

    @OnEachDatabase
    void unknownParentIsAForeignKeyViolation(TestDb t) {
        createParentAndChild(t);
        var e = failure(t.db().execute("INSERT INTO err_child (id, parent_id) VALUES (?, ?)", 1, 42),
                IntegrityViolationException.class);
        assertThat(e.kind()).isEqualTo(Kind.FOREIGN_KEY);
        assertThat(t.db().execute("INSERT INTO err_child (id, parent_id) VALUES (?, ?)", 1, 1).join()).isEqualTo(1);
        var delete = failure(t.db().execute("DELETE FROM err_parent WHERE id = 1"), IntegrityViolationException.class);
        assertThat(delete.kind()).isEqualTo(Kind.FOREIGN_KEY);
    }

    @OnEachDatabase
    @RequiresCapability(Capability.NAMED_CHECK_CONSTRAINTS)
    void failedCheckIsACheckViolationNamingTheConstraint(TestDb t) {
        createParentAndChild(t);
        var e = failure(t.db().execute("INSERT INTO err_parent (id, email, age) VALUES (?, ?, ?)", 4, "x@y.z", -1),
                IntegrityViolationException.class);
        assertThat(e.kind()).isEqualTo(Kind.CHECK);
        assertThat(e.constraint()).isEqualToIgnoringCase("ck_err_age");
    }

    @OnEachDatabase
    void badSqlIsAnOspreyExceptionWithTheSqlText(TestDb t) {
        var e = failure(t.db().query("SELEC 1"), OspreyException.class);
        assertThat(e.sql()).isEqualTo("SELEC 1");
        assertThat(e.getMessage()).contains("[SQL: SELEC 1]");
        assertThat(e).isNotInstanceOfAny(IntegrityViolationException.class, ConnectionLostException.class);
        assertThat(t.db().query("SELECT 1 AS one").join()).hasSize(1);
    }

    @OnEachDatabase
    @RequiresCapability(Capability.ENFORCED_LENGTHS)
    void oversizedValueFailsAndStoresNothing(TestDb t) {
        t.recreate("err_sized", "id " + t.type(INTEGER) + ", code " + t.type(VARCHAR, 5));
        var e = failure(t.db().execute("INSERT INTO err_sized (id, code) VALUES (?, ?)", 1, "much too long for five"),
                OspreyException.class);
        assertThat(e.sqlState()).startsWith("22");
        assertThat(t.db().query("SELECT count(*) AS n FROM err_sized").join().getFirst().getLong("n")).isZero();
    }

    /**
     * Two transactions update the same two rows in opposite order. On the servers that is a
     * deadlock, which the database breaks by failing one; on SQLite (two databases on one file,
     * like two processes) the second writer waits for the lock until its busy timeout. Either way
     * exactly one transaction fails, with the retryable exception, and the other commits.
     */
    @OnEachDatabase
    void conflictingTransactionsGiveASerializationFailure(TestDb t) throws Exception {
        t.recreate("err_accounts", "id " + t.type(INTEGER) + " PRIMARY KEY, balance " + t.type(INTEGER));
        t.db().execute("INSERT INTO err_accounts (id, balance) VALUES (1, 100), (2, 100)").join();
        Database first = t.openAsAnotherProcess(Config.defaults());
        Database second = t.openAsAnotherProcess(Config.defaults());
        CountDownLatch firstDone = new CountDownLatch(2);

        var a = first.withConnection(c -> transfer(c, 1, 2, firstDone));
        var b = second.withConnection(c -> transfer(c, 2, 1, firstDone));

        List<Throwable> failures = new ArrayList<>();
        for (var f : List.of(a, b)) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst()).isInstanceOf(SerializationFailureException.class);
        assertThat(((OspreyException) failures.getFirst()).sqlState()).isNotNull();
        // one transfer of 10 happened, whole
        var balances = t.db().query("SELECT balance FROM err_accounts ORDER BY id").join();
        assertThat(balances.get(0).getInteger("balance") + balances.get(1).getInteger("balance")).isEqualTo(200);
        assertThat(balances.get(0).getInteger("balance")).isIn(90, 110);
    }

    private static Void transfer(Connection c, int from, int to, CountDownLatch bothStarted) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE err_accounts SET balance = balance - 10 WHERE id = " + from);
            bothStarted.countDown();
            try {
                // wait for the other transaction's first write; on SQLite it cannot make one while we hold the lock
                bothStarted.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            st.executeUpdate("UPDATE err_accounts SET balance = balance + 10 WHERE id = " + to);
            c.commit();
            return null;
        } catch (SQLException e) {
            bothStarted.countDown();
            c.rollback();
            throw e;
        }
    }

    @OnEachDatabase
    void statementRunningPastTheTimeoutIsCancelledWithQueryTimeout(TestDb t) {
        Database db = t.open(Config.builder().statementTimeout(Duration.ofMillis(300)).maxPoolSize(1).build());
        String sql = t.target().longQuery();
        var e = failure(db.query(sql), QueryTimeoutException.class);
        assertThat(e.sql()).isEqualTo(sql);
        assertThat(e.getMessage()).contains("300 ms");
        // the same single connection serves the next statement
        assertThat(db.query("SELECT 2 AS two").join().getFirst().getInteger("two")).isEqualTo(2);
    }

    @OnEachDatabase
    void callersBeyondThePoolWaitThenGetPoolTimeoutAndThePoolRecovers(TestDb t) {
        Database db = t.open(Config.builder().maxPoolSize(2).minIdle(0).acquireTimeout(Duration.ofMillis(300)).build());
        String sql = t.target().longQuery();
        var busy1 = db.query(sql);
        var busy2 = db.query(sql);
        var e = failure(awaitAfterBusy(db, t), PoolTimeoutException.class);
        assertThat(e.getMessage()).contains("300 ms").contains("2 connection(s)");
        busy1.cancel(true);
        busy2.cancel(true);
        assertThat(t.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(db.query("SELECT 3 AS three").join().getFirst().getInteger("three")).isEqualTo(3);
    }

    /** Waits until both connections are busy, then asks for a third. */
    private static CompletableFuture<List<Row>> awaitAfterBusy(Database db, TestDb t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.activeConnections() < 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        assertThat(t.activeConnections()).isEqualTo(2);
        return db.query("SELECT 1 AS one");
    }

    @OnEachDatabase
    void exceptionsNeverCarryBindValues(TestDb t) {
        createParentAndChild(t);
        String secret = "s3cr3t-value@example.com";
        var e = failure(t.db().execute("INSERT INTO err_parent (id, email) VALUES (?, ?)", 1, secret),
                IntegrityViolationException.class);
        assertThat(e.getMessage()).doesNotContain(secret);
        assertThatThrownBy(() -> { throw e; }).hasMessageNotContaining(secret);
    }
}
