package dev.osprey.internal.engine;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.QueryTimeoutException;
import dev.osprey.internal.driver.BatchResult;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.Driver.Mode;
import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.driver.StatementRunner;
import dev.osprey.mapping.ColumnType;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.osprey.mapping.SqlType.BIGINT;
import static dev.osprey.mapping.SqlType.INTEGER;
import static dev.osprey.mapping.SqlType.VARCHAR;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Driver#run}: several statements on one connection through a {@link StatementRunner}, with
 * hand-written SQL, so nothing here depends on the statement renderer.
 */
class StatementRunnerTest {
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(10);

    private static Driver driver(Database db) {
        return ((Engine) db).driver();
    }

    private static SqlStatement sql(String text, Object... binds) {
        return new SqlStatement(text, Arrays.asList(binds), false);
    }

    private static long count(Database db, String table) {
        return db.query("SELECT count(*) AS n FROM " + table).join().getFirst().getLong("n");
    }

    /** One connection (SQLite: one writer), so the next call gets the connection the last one used. */
    private static Database oneConnection(TestDb t) {
        return t.open(Config.builder().maxPoolSize(1).minIdle(1).build());
    }

    private static boolean autocommit(Database db) {
        return db.withConnection(Connection::getAutoCommit).join();
    }

    @OnEachDatabase
    void aTransactionStoresNothingWhenItsThirdStatementFails(TestDb t) {
        t.recreate("engine_tx", "id " + t.type(INTEGER) + " PRIMARY KEY");
        Database db = oneConnection(t);
        String insert = "INSERT INTO engine_tx (id) VALUES (?)";

        var call = driver(db).run(Mode.TRANSACTION, r -> {
            r.update(sql(insert, 1));
            r.update(sql(insert, 2));
            return r.update(sql(insert, 1));   // a duplicate key
        });

        failure(call, IntegrityViolationException.class);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(count(db, "engine_tx")).isZero();
        assertThat(autocommit(db)).as("the connection is back in autocommit mode").isTrue();
        assertThat(db.execute(insert, 3).join()).isEqualTo(1);
        assertThat(count(t.db(), "engine_tx")).as("committed on its own, seen by another pool").isEqualTo(1);
    }

    @OnEachDatabase
    void aTransactionCommitsEveryStatementWhenItsWorkReturns(TestDb t) {
        t.recreate("engine_tx", "id " + t.type(INTEGER) + " PRIMARY KEY");
        Database db = oneConnection(t);

        long rows = driver(db).run(Mode.TRANSACTION, r ->
                r.update(sql("INSERT INTO engine_tx (id) VALUES (?)", 1))
                        + r.update(sql("INSERT INTO engine_tx (id) VALUES (?), (?)", 2, 3))).join();

        assertThat(rows).isEqualTo(3);
        assertThat(count(t.db(), "engine_tx")).isEqualTo(3);
        assertThat(autocommit(db)).isTrue();
    }

    @OnEachDatabase
    void anExceptionFromTheWorkRollsBackTheTransactionAndFailsTheCallWithIt(TestDb t) {
        t.recreate("engine_tx", "id " + t.type(INTEGER) + " PRIMARY KEY");
        Database db = oneConnection(t);

        var call = driver(db).run(Mode.TRANSACTION, r -> {
            r.update(sql("INSERT INTO engine_tx (id) VALUES (?)", 1));
            throw new IllegalStateException("the work changed its mind");
        });

        assertThat(failure(call, IllegalStateException.class)).hasMessage("the work changed its mind");
        assertThat(count(db, "engine_tx")).isZero();
        assertThat(autocommit(db)).isTrue();
    }

    @OnEachDatabase
    void autocommitWorkKeepsWhatRanBeforeAFailure(TestDb t) {
        t.recreate("engine_tx", "id " + t.type(INTEGER) + " PRIMARY KEY");
        Database db = oneConnection(t);
        String insert = "INSERT INTO engine_tx (id) VALUES (?)";

        var call = driver(db).run(Mode.AUTOCOMMIT, r -> {
            r.update(sql(insert, 1));
            r.update(sql(insert, 2));
            return r.update(sql(insert, 2));
        });

        failure(call, IntegrityViolationException.class);
        assertThat(count(t.db(), "engine_tx")).isEqualTo(2);
    }

    @OnEachDatabase
    void repeatedSqlInOneCallReusesOnePreparedStatement(TestDb t) {
        t.recreate("engine_reuse", "id " + t.type(INTEGER) + " PRIMARY KEY, name " + t.type(VARCHAR, 20));
        var recorder = new StatementRecorder();
        Database db = t.open(Config.builder().listener(recorder).build());
        String insert = "INSERT INTO engine_reuse (id, name) VALUES (?, ?)";

        int prepared = driver(db).run(Mode.TRANSACTION, r -> {
            for (int i = 1; i <= 5; i++) {
                r.update(sql(insert, i, "n" + i));
            }
            assertThat(r.query(sql("SELECT count(*) FROM engine_reuse"), raw -> ((Number) raw[0]).longValue()))
                    .containsExactly(5L);
            r.update(sql(insert, 6, "n6"));
            return r.preparedStatements();
        }).join();

        assertThat(recorder.started).as("every execution is seen").hasSize(7)
                .filteredOn(insert::equals).hasSize(6);
        assertThat(recorder.binds.get(6)).containsExactly(6, "n6");
        assertThat(prepared).as("one per distinct SQL text").isEqualTo(2);
        assertThat(count(t.db(), "engine_reuse")).isEqualTo(6);
    }

    @OnEachDatabase
    void aBatchWithAKeyColumnGivesTheGeneratedKeyOfEveryRowInOrder(TestDb t) {
        t.recreate("engine_keys", "id " + t.dialect().identityColumn(new ColumnType(BIGINT, 0, 0, 0))
                + ", name " + t.type(VARCHAR, 20));
        Database db = t.db();
        String insert = "INSERT INTO engine_keys (name) VALUES (?)";
        db.execute(insert, "before").join();

        BatchResult result = driver(db).run(Mode.TRANSACTION, r -> r.batch(insert,
                List.of("a", "b", "c"), 3, "id")).join();

        assertThat(result.rows()).isEqualTo(3);
        List<Long> stored = db.query("SELECT id FROM engine_keys WHERE name <> ? ORDER BY name", "before").join()
                .stream().map(row -> row.getLong("id")).toList();
        assertThat(result.keys()).extracting(key -> ((Number) key).longValue()).containsExactlyElementsOf(stored);
        assertThat(stored).doesNotHaveDuplicates().isSorted();
    }

    @OnEachDatabase
    void aBatchIsSeenByListenersAsOneStatementWithEveryRowsBinds(TestDb t) {
        t.recreate("engine_batch", "id " + t.type(INTEGER) + " PRIMARY KEY, name " + t.type(VARCHAR, 20));
        var recorder = new StatementRecorder();
        Database db = t.open(Config.builder().listener(recorder).build());
        String insert = "INSERT INTO engine_batch (id, name) VALUES (?, ?)";

        BatchResult result = driver(db).run(Mode.TRANSACTION, r -> r.batch(insert,
                List.of(1, "a", 2, "b"), 2, null)).join();

        assertThat(result).isEqualTo(new BatchResult(2, List.of()));
        assertThat(recorder.started).containsExactly(insert);
        assertThat(recorder.binds.getFirst()).containsExactly(1, "a", 2, "b");
        assertThat(recorder.rows).containsExactly(2L);
        assertThat(count(db, "engine_batch")).isEqualTo(2);
    }

    @OnEachDatabase
    void queryMakesEveryRowWithTheMapperFromItsRawValues(TestDb t) {
        t.recreate("engine_rows", "id " + t.type(INTEGER) + " PRIMARY KEY, name " + t.type(VARCHAR, 20));
        t.db().execute("INSERT INTO engine_rows (id, name) VALUES (1, 'one'), (2, 'two'), (3, NULL)").join();

        List<String> rows = driver(t.db()).query(
                new SqlStatement("SELECT id, name FROM engine_rows WHERE id > ? ORDER BY id", List.of(0), true),
                raw -> ((Number) raw[0]).intValue() + ":" + raw[1]).join();

        assertThat(rows).containsExactly("1:one", "2:two", "3:null");
    }

    @OnEachDatabase
    void cancellingATransactionRollsItBackAndReturnsItsConnectionInAutocommit(TestDb t) throws Exception {
        t.recreate("engine_cancel", "id " + t.type(INTEGER));
        Database db = oneConnection(t);
        var started = new CountDownLatch(1);

        CompletableFuture<List<Object>> running = driver(db).run(Mode.TRANSACTION, r -> {
            r.update(sql("INSERT INTO engine_cancel (id) VALUES (1)"));
            started.countDown();
            return r.query(sql(t.target().longQuery()), raw -> raw[0]);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        running.cancel(true);

        assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).as("connection back, so the statement stopped").isTrue();
        assertThat(count(db, "engine_cancel")).isZero();
        assertThat(autocommit(db)).isTrue();
    }

    @OnEachDatabase
    void aStatementTimeoutInATransactionRollsItBack(TestDb t) {
        t.recreate("engine_timeout", "id " + t.type(INTEGER));
        Database db = t.open(Config.builder().maxPoolSize(1).statementTimeout(Duration.ofMillis(300)).build());

        var call = driver(db).run(Mode.TRANSACTION, r -> {
            r.update(sql("INSERT INTO engine_timeout (id) VALUES (1)"));
            return r.query(sql(t.target().longQuery()), raw -> raw[0]);
        });

        failure(call, QueryTimeoutException.class);
        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(count(db, "engine_timeout")).isZero();
        assertThat(autocommit(db)).isTrue();
    }

    @OnEachDatabase
    void theRunnerRefusesUseAfterItsWorkReturned(TestDb t) {
        var kept = new AtomicReference<StatementRunner>();
        driver(t.db()).run(Mode.AUTOCOMMIT, r -> {
            kept.set(r);
            return r.query(sql("SELECT 1 AS one"), raw -> raw[0]);
        }).join();

        assertThatThrownBy(() -> kept.get().update(sql("SELECT 1 AS one")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after its call's work returned");
    }

    @OnEachDatabase
    void manyCallsThatFailKeepThePoolHealthy(TestDb t) {
        t.recreate("engine_tx", "id " + t.type(INTEGER) + " PRIMARY KEY");
        Database db = t.open(Config.builder().maxPoolSize(2).build());
        db.execute("INSERT INTO engine_tx (id) VALUES (1)").join();
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int id = 100 + i;
            calls.add(driver(db).run(i % 2 == 0 ? Mode.TRANSACTION : Mode.AUTOCOMMIT, r ->
                    r.update(sql("INSERT INTO engine_tx (id) VALUES (?)", id))
                            + r.update(sql("INSERT INTO engine_tx (id) VALUES (?)", 1))));
        }
        for (CompletableFuture<Long> call : calls) {
            failure(call, IntegrityViolationException.class);
        }

        assertThat(t.awaitIdle(STOPPED_WITHIN)).isTrue();
        assertThat(count(db, "engine_tx")).as("the row of each autocommit call stays").isEqualTo(1 + 10);
    }
}
