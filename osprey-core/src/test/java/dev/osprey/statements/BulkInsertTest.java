package dev.osprey.statements;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.QueryTimeoutException;
import dev.osprey.Session;
import dev.osprey.StatementListener;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;
import dev.osprey.zoo.Animal;
import dev.osprey.zoo.Animal_;
import dev.osprey.zoo.Mood;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk inserts that need nothing back (map rows without ids, entities whose ids are set): thousands
 * of rows of every type go the dialect's bulk way ({@code COPY} on PostgreSQL, one batch on MariaDB,
 * multi-row INSERTs on SQLite), are stored exactly as the usual INSERTs store them, all or nothing,
 * observed, cancellable and timed like any statement.
 */
class BulkInsertTest {
    private static final int ROWS = 3_000;
    private static final EntityModel<Animal> MODEL = EntityModel.of(Animal.class);
    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** Text that COPY's escaping, batches and multi-row inserts must all carry unchanged. */
    private static final List<String> AWKWARD = List.of("", "tab\there", "line\nbreak", "crlf\r\n", "back\\slash",
            "\\N", "\\.", "\\", "\\t not a tab", "'quoted' \"twice\"", "ß é ü ñ", "日本語のテキスト", "🦅 𝄞 🙂",
            "\b\f\u000B\u0001", "NULL", " trailing ");

    /**
     * {@code value} as every database stores it, for comparing: temporals cut to microseconds (instants
     * in UTC), decimals by value, bytes by content; floating point stays exact (NaN equals itself,
     * -0.0 does not equal 0.0).
     */
    private static Object asStored(Object value) {
        return switch (value) {
            case BigDecimal d -> d.stripTrailingZeros();
            case Instant v -> v.truncatedTo(ChronoUnit.MICROS);
            case OffsetDateTime v -> v.toInstant().truncatedTo(ChronoUnit.MICROS);
            case LocalDateTime v -> v.truncatedTo(ChronoUnit.MICROS);
            case LocalTime v -> v.truncatedTo(ChronoUnit.MICROS);
            case byte[] bytes -> HexFormat.of().formatHex(bytes);
            case null, default -> value;
        };
    }

    /** Asserts that each persistent field of {@code actual} but {@code ignored} holds what {@code expected} does. */
    private static void assertSameAsStored(Animal actual, Animal expected, String what, String... ignored) {
        assertThat(actual).as(what).isNotNull();
        List<String> skipped = List.of(ignored);
        for (Attribute<Animal, ?> attribute : MODEL.attributes()) {
            Object got = asStored(attribute.get(actual));
            Object wanted = asStored(attribute.get(expected));
            if (!skipped.contains(attribute.property()) && !Objects.equals(got, wanted)) {
                assertThat(got).as("%s of %s", attribute.property(), what).isEqualTo(wanted);
            }
        }
    }

    private static void recreate(TestDb t) {
        t.db().schema().dropAll(Animal.class).join();
        t.db().schema().createAll(Animal.class).join();
    }

    /** Row {@code i}: extremes, NULLs or everyday values in turn, with awkward text in its name and notes. */
    private static Animal animal(int i) {
        String text = AWKWARD.get(i % AWKWARD.size());
        String name = text + "#" + i;
        Animal a = switch (i % 3) {
            case 0 -> Animal.extremes(name);
            case 1 -> new Animal(name);   // NULL in every nullable column
            default -> everyday(name, i);
        };
        if (i % 3 == 0) {
            a.uuid = new UUID(i, ~i);
            if (i > 0) {
                a.notes = text + "\t" + text + "\n";   // row 0 keeps 70,000 characters: more than one chunk of a COPY
            }
        }
        return a;
    }

    private static Animal everyday(String name, int i) {
        Animal a = new Animal(name);
        a.notes = AWKWARD.get((i + 5) % AWKWARD.size()).repeat(3);
        a.flag = i % 4 == 2;
        a.boxedFlag = i % 4 == 0;
        a.tiny = (byte) i;
        a.boxedTiny = (byte) -i;
        a.small = (short) (i * 7);
        a.boxedSmall = (short) -i;
        a.number = i * 1_000_003;
        a.boxedNumber = -i;
        a.big = i * 1_000_000_007L;
        a.boxedBig = -a.big;
        a.real = i / 7f;
        a.boxedReal = -i / 3f;
        a.dbl = i / 7.0;
        a.boxedDbl = Math.PI * -i;
        a.money = BigDecimal.valueOf(i).add(new BigDecimal("0.0123456789"));
        a.huge = BigDecimal.valueOf(i, -20);   // i × 10^20, a BigDecimal written with an exponent
        a.data = new byte[] {(byte) i, 0, (byte) 0xFF, '\\', '\t', '\n', 'N'};
        a.uuid = new UUID(-i, i);
        a.instant = Instant.parse("2024-02-29T12:34:56.123456Z").plusSeconds(i).plusNanos(789);   // nanos are cut
        a.offsetDateTime = OffsetDateTime.parse("1999-12-31T23:59:59.999999-08:00").plusMinutes(i);
        a.day = LocalDate.of(2000, 1, 1).plusDays(i);
        a.time = LocalTime.of(0, 0).plusSeconds(i).plusNanos(123_456_789);
        a.localDateTime = LocalDateTime.of(1970, 1, 1, 0, 0).minusDays(i).plusNanos(999);
        a.mood = Mood.values()[i % 3];
        a.moodOrdinal = Mood.values()[(i + 1) % 3];
        a.duration = Duration.ofMillis(i).plusNanos(1);
        return a;
    }

    private static List<Animal> animals(int count, IntFunction<Animal> row) {
        return IntStream.range(0, count).mapToObj(row).toList();
    }

    /** {@code a} as a map row of field names; NULLs included, the id left out. */
    private static Map<String, Object> map(Animal a) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Attribute<Animal, ?> attribute : MODEL.attributes()) {
            if (!attribute.isId()) {
                row.put(attribute.property(), attribute.get(a));
            }
        }
        return row;
    }

    private static List<Map<String, Object>> maps(List<Animal> animals) {
        return new ArrayList<>(animals.stream().map(BulkInsertTest::map).toList());
    }

    private static Map<String, Animal> storedByName(Database db) {
        Map<String, Animal> stored = new HashMap<>();
        for (Animal a : db.scalars(select(Animal.class)).join()) {
            stored.put(a.name, a);
        }
        return stored;
    }

    private static long stored(Database db) {
        return db.scalar(select(count()).from(Animal.class)).join();
    }

    private static void assertStoredAsGiven(Map<String, Animal> stored, List<Animal> given, String... ignored) {
        assertThat(stored).hasSize(given.size());
        for (Animal expected : given) {
            assertSameAsStored(stored.get(expected.name), expected, expected.name, ignored);
        }
    }

    /**
     * Inserts {@code rows} by the bulk way as maps and the same rows again (names prefixed with
     * {@code "r"}) as entities whose ids come back, which go as ordinary INSERTs; asserts the bulk rows
     * read back as given and exactly as the ordinary ones do.
     */
    private static void assertBulkStoresWhatInsertsStore(TestDb t, IntFunction<Animal> row, int count) {
        List<Animal> given = animals(count, row);
        assertThat(t.db().execute(insert(Animal.class).values(maps(given))).join()).isEqualTo(count);
        List<Animal> ordinary = animals(count, i -> {
            Animal a = row.apply(i);
            a.name = "r" + a.name;
            return a;
        });
        assertThat(t.db().execute(insert(Animal.class).values(ordinary)).join()).isEqualTo(count);
        assertThat(ordinary).allSatisfy(a -> assertThat(a.id).isNotNull());

        Map<String, Animal> stored = storedByName(t.db());
        assertThat(stored).hasSize(2 * count);
        for (Animal expected : given) {
            Animal bulk = stored.get(expected.name);
            assertSameAsStored(bulk, expected, expected.name, "id");
            assertSameAsStored(bulk, stored.get("r" + expected.name), expected.name + " as an INSERT stores it",
                    "id", "name");
        }
    }

    private static long writesRunning(TestDb t) {
        return t.db().query(t.target().writesRunning()).join().getFirst().getLong("n");
    }

    /** Polls until {@code expected} other sessions of this database run an INSERT or COPY. */
    private static void awaitWritesRunning(TestDb t, long expected) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (writesRunning(t) != expected) {
            assertThat(System.nanoTime()).as("%d write(s) running on the server within %s", expected, WITHIN)
                    .isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    // ---------------------------------------------------------------- values

    @OnEachDatabase
    void mapRowsOfEveryTypeAreStoredInBulkExactlyAsInsertsStoreThem(TestDb t) {
        recreate(t);
        assertBulkStoresWhatInsertsStore(t, BulkInsertTest::animal, ROWS);
    }

    @OnEachDatabase
    void entitiesWithTheirIdsSetAreStoredInBulkWithThoseIds(TestDb t) {
        recreate(t);
        List<Animal> given = animals(ROWS, i -> {
            Animal a = animal(i);
            a.id = 1_000_000L + 7L * i;
            return a;
        });

        assertThat(t.db().execute(insert(Animal.class).values(given)).join()).isEqualTo(ROWS);

        assertStoredAsGiven(storedByName(t.db()), given);
        assertThat(given.get(5).id).as("an id given is kept").isEqualTo(1_000_035L);
    }

    @OnEachDatabase
    @RequiresCapability({Capability.NON_FINITE_FLOATS, Capability.EXTREME_DATES})
    void nanInfinityAndDatesBeyondTheCommonEraAreStoredInBulkAsInsertsStoreThem(TestDb t) {
        recreate(t);
        float[] floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE};
        double[] doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE};
        LocalDate[] days = {LocalDate.of(-43, 3, 15), LocalDate.of(0, 12, 31), LocalDate.of(12_345, 6, 7),
                LocalDate.MAX, LocalDate.MIN};
        LocalDateTime[] times = {LocalDateTime.parse("-0999-01-01T12:00:00.000001"),
                LocalDateTime.parse("0000-12-31T23:59:59"), LocalDateTime.parse("+10000-01-01T00:00:00.5"),
                LocalDateTime.parse("0001-01-01T00:00:00"), LocalDateTime.parse("9999-12-31T23:59:59.999999")};
        Instant[] instants = {Instant.parse("-1000-06-15T12:00:00.5Z"), Instant.parse("+20000-01-01T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z")};
        assertBulkStoresWhatInsertsStore(t, i -> {
            Animal a = new Animal("far#" + i);
            int k = i % floats.length;
            a.real = floats[k];
            a.boxedReal = floats[(k + 1) % floats.length];
            a.dbl = doubles[k];
            a.boxedDbl = doubles[(k + 2) % doubles.length];
            a.day = days[k];
            a.localDateTime = times[k];
            a.instant = instants[k];
            a.offsetDateTime = OffsetDateTime.ofInstant(instants[(k + 1) % instants.length], ZoneOffset.UTC);
            return a;
        }, 1_500);
    }

    // ---------------------------------------------------------------- how it is sent

    @OnEachDatabase
    void aBulkInsertIsOneStatementWhereTheDatabaseHasABulkWayAndListenersSeeIt(TestDb t) {
        recreate(t);
        List<String> started = new CopyOnWriteArrayList<>();
        List<Integer> binds = new CopyOnWriteArrayList<>();
        List<Long> rows = new CopyOnWriteArrayList<>();
        Database db = t.open(Config.builder().listener(new StatementListener() {
            @Override
            public void started(String sql, List<Object> values) {
                started.add(sql);
                binds.add(values.size());
            }

            @Override
            public void finished(String sql, List<Object> values, Duration elapsed, long count, Throwable failure) {
                rows.add(count);
            }
        }).build());
        List<Map<String, Object>> given = maps(animals(ROWS, BulkInsertTest::animal));
        int width = MODEL.attributes().size() - 1;

        assertThat(db.execute(insert(Animal.class).values(given)).join()).isEqualTo(ROWS);

        String table = t.quote("zoo_animals");
        switch (t.dialect().bulkInsertStyle()) {
            case COPY -> assertThat(started).singleElement().asString()
                    .startsWith("COPY " + table + " (").endsWith(") FROM STDIN");
            case BATCH -> assertThat(started).as("one batch of one-row inserts").singleElement().asString()
                    .startsWith("INSERT INTO " + table).endsWith(")").contains("VALUES (?");
            case MULTI_ROW -> assertThat(started).hasSizeGreaterThan(1).allMatch(sql -> sql.startsWith("INSERT"));
        }
        assertThat(binds.stream().mapToInt(Integer::intValue).sum()).as("every value, once").isEqualTo(ROWS * width);
        assertThat(rows.stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);

        started.clear();
        List<Animal> needingIds = animals(ROWS, i -> new Animal("id#" + i));
        db.execute(insert(Animal.class).values(needingIds)).join();
        assertThat(started).as("rows whose ids come back are never copied").allMatch(sql -> sql.startsWith("INSERT"));
        assertThat(needingIds).allSatisfy(a -> assertThat(a.id).isNotNull());
    }

    @OnEachDatabase
    void aBulkInsertInASessionIsPartOfItsTransaction(TestDb t) {
        recreate(t);
        List<Animal> given = animals(ROWS, BulkInsertTest::animal);
        try (Session s = t.db().session()) {
            assertThat(s.execute(insert(Animal.class).values(maps(given))).join()).isEqualTo(ROWS);
            assertThat(s.count(select(Animal.class)).join()).isEqualTo(ROWS);
            s.rollback().join();
        }
        assertThat(stored(t.db())).isZero();

        try (Session s = t.db().session()) {
            s.execute(insert(Animal.class).values(maps(given))).join();
            s.commit().join();
        }
        assertStoredAsGiven(storedByName(t.db()), given, "id");
    }

    // ---------------------------------------------------------------- failures

    @OnEachDatabase
    void aDuplicateInTheMiddleOfABulkInsertStoresNothing(TestDb t) {
        recreate(t);
        List<Map<String, Object>> maps = maps(animals(ROWS, BulkInsertTest::animal));
        maps.get(ROWS / 2).put("name", maps.get(10).get("name"));
        IntegrityViolationException byName = failure(t.db().execute(insert(Animal.class).values(maps)),
                IntegrityViolationException.class);
        assertThat(byName.kind()).isEqualTo(IntegrityViolationException.Kind.UNIQUE);
        assertThat(stored(t.db())).isZero();

        List<Animal> withIds = animals(ROWS, i -> {
            Animal a = animal(i);
            a.id = 1L + i;
            return a;
        });
        withIds.get(ROWS / 2).id = 11L;
        IntegrityViolationException byId = failure(t.db().execute(insert(Animal.class).values(withIds)),
                IntegrityViolationException.class);
        assertThat(byId.kind()).isEqualTo(IntegrityViolationException.Kind.UNIQUE);
        assertThat(stored(t.db())).isZero();

        withIds.get(ROWS / 2).id = 1L + ROWS / 2;
        assertThat(t.db().execute(insert(Animal.class).values(withIds)).join()).as("the pool goes on").isEqualTo(ROWS);
        assertThat(stored(t.db())).isEqualTo(ROWS);
    }

    /** Rows with other keys form a bulk statement of their own; the two still store all or nothing. */
    @OnEachDatabase
    void twoBulkStatementsOfOneInsertStoreTogetherOrNotAtAll(TestDb t) {
        recreate(t);
        List<Map<String, Object>> rows = maps(animals(ROWS, BulkInsertTest::animal));
        for (Map<String, Object> row : maps(animals(ROWS, i -> animal(ROWS + i)))) {
            row.remove("notes");
            rows.add(row);
        }
        rows.getLast().put("name", rows.get(ROWS / 2).get("name"));
        failure(t.db().execute(insert(Animal.class).values(rows)), IntegrityViolationException.class);
        assertThat(stored(t.db())).isZero();

        rows.getLast().put("name", "last");
        assertThat(t.db().execute(insert(Animal.class).values(rows)).join()).isEqualTo(2L * ROWS);
        assertThat(t.db().count(select(Animal.class).where(Animal_.NOTES.isNull())).join()).isEqualTo(ROWS + ROWS / 3);
    }

    @OnEachDatabase
    @RequiresCapability(Capability.NAMED_CONSTRAINTS)
    void aDuplicateInABulkInsertNamesTheConstraint(TestDb t) {
        recreate(t);
        List<Map<String, Object>> maps = maps(animals(ROWS, BulkInsertTest::animal));
        maps.get(ROWS - 1).put("name", maps.getFirst().get("name"));
        IntegrityViolationException e = failure(t.db().execute(insert(Animal.class).values(maps)),
                IntegrityViolationException.class);
        assertThat(e.constraint()).isEqualTo("uq_zoo_animals_name");
        assertThat(e.getMessage()).as("no row values in the message").doesNotContain("#0");
    }

    /**
     * Another transaction holds an uncommitted row whose name comes near the end of the bulk insert, so
     * the insert waits on the server, in the middle of its rows, until it is stopped.
     */
    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void cancellingABulkInsertStopsItOnTheServerAndStoresNothing(TestDb t) {
        recreate(t);
        Database db = t.open(Config.builder().build());
        List<Map<String, Object>> maps = maps(animals(ROWS, BulkInsertTest::animal));
        maps.get(ROWS - 10).put("name", "held");
        try (Session holder = t.db().session()) {
            holder.execute(insert(Animal.class).values(map(new Animal("held")))).join();
            CompletableFuture<Long> bulk = db.execute(insert(Animal.class).values(maps));
            awaitWritesRunning(t, 1);

            assertThat(bulk.cancel(true)).isTrue();
            assertThatThrownBy(bulk::join).isInstanceOf(CancellationException.class);
            awaitWritesRunning(t, 0);
            holder.rollback().join();
        }
        assertThat(t.awaitIdle(WITHIN)).as("every connection back").isTrue();
        assertThat(stored(t.db())).isZero();
        assertThat(db.execute(insert(Animal.class).values(maps)).join()).isEqualTo(ROWS);
    }

    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void aBulkInsertThatOutlastsTheStatementTimeoutIsStoppedAndStoresNothing(TestDb t) {
        recreate(t);
        Database db = t.open(Config.builder().statementTimeout(Duration.ofMillis(300)).build());
        List<Map<String, Object>> maps = maps(animals(ROWS, BulkInsertTest::animal));
        maps.get(ROWS - 10).put("name", "held");
        try (Session holder = t.db().session()) {
            holder.execute(insert(Animal.class).values(map(new Animal("held")))).join();
            failure(db.execute(insert(Animal.class).values(maps)), QueryTimeoutException.class);
            holder.rollback().join();
        }
        assertThat(t.awaitIdle(WITHIN)).isTrue();
        assertThat(stored(t.db())).isZero();
        assertThat(t.db().execute(insert(Animal.class).values(maps)).join()).isEqualTo(ROWS);
    }
}
