package dev.osprey;

import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static dev.osprey.mapping.SqlType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raw SQL through {@link Database#execute}, {@link Database#query} and {@link Database#withConnection}. */
class RawSqlTest {

    enum Mood { HAPPY, SAD }

    private static void createTypesTable(TestDb t) {
        t.recreate("types", String.join(", ",
                "id " + t.type(BIGINT) + " PRIMARY KEY",
                "b " + t.type(BOOLEAN),
                "i " + t.type(INTEGER),
                "l " + t.type(BIGINT),
                "d " + t.type(DOUBLE),
                "n " + t.type(DECIMAL),
                "s " + t.type(VARCHAR, 100),
                "t " + t.type(TEXT),
                "bin " + t.type(BINARY),
                "u " + t.type(UUID),
                "ts " + t.type(TIMESTAMP_UTC),
                "ldt " + t.type(TIMESTAMP),
                "ld " + t.type(DATE),
                "lt " + t.type(TIME),
                "e " + t.type(VARCHAR, 10)));
    }

    @OnEachDatabase
    void commonTypesRoundTripUnchanged(TestDb t) {
        createTypesTable(t);
        var uuid = java.util.UUID.randomUUID();
        var instant = Instant.parse("2039-02-28T12:34:56.123456Z");
        var dateTime = LocalDateTime.parse("1969-07-20T20:17:40.000001");
        byte[] bytes = {0, 1, 2, (byte) 0xFF, 127, -128};
        long inserted = t.db().execute("INSERT INTO types (id, b, i, l, d, n, s, t, bin, u, ts, ldt, ld, lt, e)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                1L, true, Integer.MIN_VALUE, Long.MAX_VALUE, 3.141592653589793, new BigDecimal("12345678901234.56789"),
                "héllo 🦅 wörld", "x".repeat(10_000), bytes, uuid, instant, dateTime, LocalDate.of(1901, 12, 13),
                LocalTime.of(23, 59, 58, 999_999_000), Mood.SAD).join();
        assertThat(inserted).isEqualTo(1);

        Row row = t.db().query("SELECT * FROM types WHERE id = ?", 1L).join().getFirst();
        assertThat(row.getBoolean("b")).isTrue();
        assertThat(row.getInteger("i")).isEqualTo(Integer.MIN_VALUE);
        assertThat(row.getLong("l")).isEqualTo(Long.MAX_VALUE);
        assertThat(row.getDouble("d")).isEqualTo(3.141592653589793);
        assertThat(row.getBigDecimal("n")).isEqualByComparingTo("12345678901234.56789");
        assertThat(row.getString("s")).isEqualTo("héllo 🦅 wörld");
        assertThat(row.getString("t")).hasSize(10_000);
        assertThat(row.getBytes("bin")).containsExactly(bytes);
        assertThat(row.getUuid("u")).isEqualTo(uuid);
        assertThat(row.getInstant("ts")).isEqualTo(instant);
        assertThat(row.getOffsetDateTime("ts")).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        assertThat(row.getLocalDateTime("ldt")).isEqualTo(dateTime);
        assertThat(row.getLocalDate("ld")).isEqualTo(LocalDate.of(1901, 12, 13));
        assertThat(row.getLocalTime("lt")).isEqualTo(LocalTime.of(23, 59, 58, 999_999_000));
        assertThat(row.get("e", Mood.class)).isEqualTo(Mood.SAD);
    }

    @OnEachDatabase
    void nullsBindAndReadBackAsNull(TestDb t) {
        createTypesTable(t);
        Object[] args = new Object[15];
        args[0] = 2L;
        t.db().execute("INSERT INTO types (id, b, i, l, d, n, s, t, bin, u, ts, ldt, ld, lt, e)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args).join();
        Row row = t.db().query("SELECT * FROM types").join().getFirst();
        for (String column : List.of("b", "i", "l", "d", "n", "s", "t", "bin", "u", "ts", "ldt", "ld", "lt", "e")) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(row.getLong("i")).isNull();
        assertThat(row.getBoolean("b")).isNull();
        assertThat(row.getInstant("ts")).isNull();
    }

    @OnEachDatabase
    void instantsAreTruncatedToMicrosecondsEverywhere(TestDb t) {
        createTypesTable(t);
        var precise = Instant.parse("2024-05-06T07:08:09.123456789Z");
        t.db().execute("INSERT INTO types (id, ts, ldt) VALUES (?, ?, ?)", 3L, precise,
                LocalDateTime.ofInstant(precise, ZoneOffset.UTC)).join();
        Row row = t.db().query("SELECT ts, ldt FROM types").join().getFirst();
        assertThat(row.getInstant("ts")).isEqualTo(Instant.parse("2024-05-06T07:08:09.123456Z"));
        assertThat(row.getLocalDateTime("ldt")).isEqualTo(LocalDateTime.parse("2024-05-06T07:08:09.123456"));
    }

    @OnEachDatabase
    void offsetDateTimesAreStoredAsTheirInstant(TestDb t) {
        createTypesTable(t);
        var paris = OffsetDateTime.parse("2024-01-01T10:00:00+01:00");
        t.db().execute("INSERT INTO types (id, ts) VALUES (?, ?)", 4L, paris).join();
        assertThat(t.db().query("SELECT ts FROM types").join().getFirst().getOffsetDateTime("ts"))
                .isEqualTo(OffsetDateTime.parse("2024-01-01T09:00:00Z"));
    }

    @OnEachDatabase
    void namedParametersBindByNameAndMayRepeat(TestDb t) {
        t.recreate("people", "id " + t.type(INTEGER) + " PRIMARY KEY, name " + t.type(VARCHAR, 50)
                + ", nick " + t.type(VARCHAR, 50));
        t.db().execute("INSERT INTO people (id, name, nick) VALUES (:id, :name, :name)",
                Map.of("id", 1, "name", "Ada")).join();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("id", 2);
        withNull.put("name", null);
        t.db().execute("INSERT INTO people (id, name, nick) VALUES (:id, :name, 'x')", withNull).join();

        List<Row> rows = t.db().query("SELECT id, name, nick FROM people WHERE id >= :min ORDER BY id",
                Map.of("min", 1)).join();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getString("name")).isEqualTo("Ada");
        assertThat(rows.get(0).getString("nick")).isEqualTo("Ada");
        assertThat(rows.get(1).getString("name")).isNull();
    }

    @OnEachDatabase
    void parameterMistakesFailAtOnceWithClearMessages(TestDb t) {
        Database db = t.db();
        assertThatThrownBy(() -> db.query("SELECT ? AS a, ? AS b", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 parameter(s) but 1 value(s)");
        assertThatThrownBy(() -> db.query("SELECT :a AS a", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value given for parameter :a");
        assertThatThrownBy(() -> db.query("SELECT :a AS a", Map.of("a", 1, "typo", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'typo'");
        assertThatThrownBy(() -> db.query("SELECT :a AS a", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named parameters");
        assertThatThrownBy(() -> db.query("SELECT ? AS a, :b AS b", Map.of("b", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixes");
        assertThatThrownBy(() -> db.execute(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @OnEachDatabase
    void unbindableValuesFailTheFutureNamingTheType(TestDb t) {
        t.recreate("things", "id " + t.type(INTEGER));
        var future = t.db().execute("INSERT INTO things (id) VALUES (?)", new StringBuilder("1"));
        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
        assertThat(t.db().query("SELECT count(*) AS n FROM things").join().getFirst().getLong("n")).isZero();
    }

    @OnEachDatabase
    void rowsReadColumnsByNameIgnoringCaseAndByIndexFromZero(TestDb t) {
        t.recreate("people", "id " + t.type(INTEGER) + ", full_name " + t.type(VARCHAR, 50));
        t.db().execute("INSERT INTO people (id, full_name) VALUES (?, ?)", 7, "Grace").join();
        Row row = t.db().query("SELECT id, full_name AS FullName FROM people").join().getFirst();

        assertThat(row.size()).isEqualTo(2);
        assertThat(row.getString("fullname")).isEqualTo("Grace");
        assertThat(row.getString("FULLNAME")).isEqualTo("Grace");
        assertThat(row.getLong(0)).isEqualTo(7L);
        assertThat(row.getString(1)).isEqualTo("Grace");
        assertThat(row.columnName(0)).isEqualToIgnoringCase("id");
        assertThat(row.toMap()).hasSize(2);
        assertThatThrownBy(() -> row.get("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> row.get(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> row.getUuid("fullname"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cannot be read as java.util.UUID", row.columnName(1));
        assertThatThrownBy(() -> row.getInstant(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @OnEachDatabase
    void executeGivesRowsAffectedAndQueryWithoutResultsGivesNoRows(TestDb t) {
        t.recreate("counter", "id " + t.type(INTEGER) + ", n " + t.type(INTEGER));
        for (int i = 0; i < 5; i++) {
            assertThat(t.db().execute("INSERT INTO counter (id, n) VALUES (?, 0)", i).join()).isEqualTo(1);
        }
        assertThat(t.db().execute("UPDATE counter SET n = n + 1 WHERE id < ?", 3).join()).isEqualTo(3);
        assertThat(t.db().execute("DELETE FROM counter WHERE id = ?", 99).join()).isZero();
        assertThat(t.db().query("UPDATE counter SET n = 5 WHERE id = ?", 4).join()).isEmpty();
        assertThat(t.db().query("SELECT n FROM counter WHERE id = 4").join().getFirst().getInteger("n")).isEqualTo(5);
    }

    @OnEachDatabase
    void sqlInjectionThroughParametersIsStoredAsPlainData(TestDb t) {
        t.recreate("notes", "id " + t.type(INTEGER) + ", body " + t.type(TEXT));
        List<String> attacks = List.of("'); DROP TABLE notes; --", "\" OR \"1\"=\"1", "`; DELETE FROM notes; #",
                ":name ? $1 \\' \\\\", "Robert'); DROP TABLE students;--");
        for (int i = 0; i < attacks.size(); i++) {
            t.db().execute("INSERT INTO notes (id, body) VALUES (:id, :body)", Map.of("id", i, "body", attacks.get(i)))
                    .join();
        }
        List<Row> rows = t.db().query("SELECT body FROM notes ORDER BY id").join();
        assertThat(rows).extracting(r -> r.getString("body")).containsExactlyElementsOf(attacks);
        assertThat(t.db().query("SELECT count(*) AS n FROM notes WHERE body = ?", attacks.get(0)).join()
                .getFirst().getLong("n")).isEqualTo(1);
    }

    @OnEachDatabase
    void withConnectionRunsJdbcOffTheCallerAndAlwaysReturnsTheConnection(TestDb t) {
        t.recreate("jdbc_rows", "id " + t.type(INTEGER));
        Thread caller = Thread.currentThread();
        long count = t.db().withConnection(connection -> {
            assertThat(Thread.currentThread()).isNotSameAs(caller);
            try (var ps = connection.prepareStatement("INSERT INTO jdbc_rows (id) VALUES (?)")) {
                for (int i = 0; i < 3; i++) {
                    ps.setInt(1, i);
                    ps.executeUpdate();
                }
            }
            connection.close();   // harmless: Osprey owns the connection
            try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_rows")) {
                rs.next();
                return rs.getLong(1);
            }
        }).join();
        assertThat(count).isEqualTo(3);

        var failing = t.db().withConnection(connection -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(failing::join).cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");

        var badSql = t.db().withConnection(connection -> {
            try (var st = connection.createStatement()) {
                return st.executeQuery("SELECT * FROM no_such_table_here");
            }
        });
        assertThatThrownBy(badSql::join).cause().isInstanceOf(OspreyException.class);
        assertThat(t.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @OnEachDatabase
    void withConnectionRollsBackATransactionLeftOpen(TestDb t) {
        t.recreate("tx_rows", "id " + t.type(INTEGER));
        t.db().withConnection(connection -> {
            connection.setAutoCommit(false);
            try (var st = connection.createStatement()) {
                st.executeUpdate("INSERT INTO tx_rows (id) VALUES (1)");
            }
            return null;   // neither commit nor rollback
        }).join();
        assertThat(t.db().query("SELECT count(*) AS n FROM tx_rows").join().getFirst().getLong("n")).isZero();
        assertThat(t.db().withConnection(c -> c.getAutoCommit()).join()).isTrue();
    }

    @OnEachDatabase
    void listenersAndEchoSeeEveryStatementWithBindsAndRows(TestDb t) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Database db = t.open(Config.builder().echo(true).listener(new StatementListener() {
            @Override
            public void started(String sql, List<Object> binds) {
                events.add("start " + sql + " " + binds);
            }

            @Override
            public void finished(String sql, List<Object> binds, Duration elapsed, long rows, Throwable failure) {
                events.add("end " + sql + " " + binds + " rows=" + rows + " failed=" + (failure != null));
            }
        }).build());
        db.execute("CREATE TABLE IF NOT EXISTS listened (id " + t.type(INTEGER) + ")").join();
        db.execute("DELETE FROM listened").join();
        events.clear();
        db.execute("INSERT INTO listened (id) VALUES (?)", 42).join();
        db.query("SELECT id FROM listened WHERE id = :id", Map.of("id", 42)).join();
        assertThatThrownBy(() -> db.query("SELECT nope FROM listened").join()).isInstanceOf(CompletionException.class);

        assertThat(events).containsExactly(
                "start INSERT INTO listened (id) VALUES (?) [42]",
                "end INSERT INTO listened (id) VALUES (?) [42] rows=1 failed=false",
                "start SELECT id FROM listened WHERE id = ? [42]",
                "end SELECT id FROM listened WHERE id = ? [42] rows=1 failed=false",
                "start SELECT nope FROM listened []",
                "end SELECT nope FROM listened [] rows=-1 failed=true");
        db.execute("DROP TABLE listened").join();
    }

    @OnEachDatabase
    void concurrentWritersAllSucceed(TestDb t) {
        t.recreate("writes", "id " + t.type(INTEGER) + " PRIMARY KEY, v " + t.type(INTEGER));
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            futures.add(t.db().execute("INSERT INTO writes (id, v) VALUES (?, ?)", i, i * 2));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        Row sums = t.db().query("SELECT count(*) AS n, sum(v) AS s FROM writes").join().getFirst();
        assertThat(sums.getLong("n")).isEqualTo(300);
        assertThat(sums.getLong("s")).isEqualTo(2L * 299 * 300 / 2);
    }

    @OnEachDatabase
    void aClosedDatabaseFailsFastAndClosingTwiceIsHarmless(TestDb t) {
        Database db = t.open(Config.defaults());
        assertThat(db.query("SELECT 1 AS one").join().getFirst().getInteger("one")).isEqualTo(1);
        db.close();
        db.close();
        assertThatThrownBy(() -> db.query("SELECT 1").join())
                .cause()
                .isInstanceOf(DatabaseClosedException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> db.withConnection(c -> 1).join()).cause().isInstanceOf(DatabaseClosedException.class);
    }
}
