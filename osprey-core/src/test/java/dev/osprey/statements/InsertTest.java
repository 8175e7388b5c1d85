package dev.osprey.statements;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.StatementListener;
import dev.osprey.query.Tuple;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Purchase_;
import dev.osprey.statements.shop.Tier;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.excluded;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.set;
import static dev.osprey.query.Sql.sum;
import static dev.osprey.statements.Shop.thrownBy;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed INSERTs: entities and maps, one or many rows, generated ids set back, RETURNING, upserts,
 * bulk inserts chunked to the bind-parameter limit and all-or-nothing on every database.
 */
class InsertTest {

    private static Customer customerNamed(Database db, String name) {
        return db.execute(select(Customer.class).where(Customer_.NAME.eq(name))).join().one();
    }

    private static long rows(Database db) {
        return db.scalar(select(count()).from(Customer.class)).join();
    }

    @OnEachDatabase
    void insertingOneEntitySetsItsGeneratedId(TestDb t) {
        Shop.recreate(t);
        Customer ann = new Customer("Ann", "ann@example.com", 4);
        ann.createdAt = Instant.parse("2024-05-06T07:08:09.123456Z");
        ann.tier = Tier.SILVER;
        ann.score = 12;
        ann.segment = "vip";
        assertThat(t.db().execute(insert(Customer.class).values(ann)).join()).isEqualTo(1L);
        assertThat(ann.id).isNotNull().isPositive();

        Customer read = t.db().execute(select(Customer.class).where(Customer_.ID.eq(ann.id))).join().one();
        assertThat(read.name).isEqualTo("Ann");
        assertThat(read.email).isEqualTo("ann@example.com");
        assertThat(read.visits).isEqualTo(4);
        assertThat(read.createdAt).isEqualTo(Instant.parse("2024-05-06T07:08:09.123456Z"));
        assertThat(read.tier).isEqualTo(Tier.SILVER);
        assertThat(read.score).isEqualTo(12);
        assertThat(read.segment).isEqualTo("vip");
    }

    @OnEachDatabase
    void insertingAListOfEntitiesSetsAscendingDistinctIds(TestDb t) {
        Shop.recreate(t);
        List<Customer> customers = List.of(new Customer("Ann", "ann@example.com", 1),
                new Customer("Ben", null, 2), new Customer("Cat", "cat@example.com", 3));
        assertThat(t.db().execute(insert(Customer.class).values(customers)).join()).isEqualTo(3L);
        assertThat(customers).extracting(c -> c.id).doesNotContainNull().doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.naturalOrder());
        for (Customer c : customers) {
            assertThat(t.db().scalar(select(Customer_.NAME).where(Customer_.ID.eq(c.id))).join()).isEqualTo(c.name);
        }
        Customer ben = customerNamed(t.db(), "Ben");
        assertThat(ben.email).isNull();
        assertThat(ben.segment).as("a null field is stored as NULL, not as the default").isNull();
    }

    @OnEachDatabase
    void anEntityWithItsIdSetKeepsItAndTheOthersGetGeneratedIds(TestDb t) {
        Shop.recreate(t);
        Customer chosen = new Customer("Chosen", null, 1);
        chosen.id = 5_000L;
        Customer second = new Customer("Second", null, 2);
        Customer third = new Customer("Third", null, 3);
        assertThat(t.db().execute(insert(Customer.class).values(List.of(chosen, second, third))).join()).isEqualTo(3L);
        assertThat(chosen.id).isEqualTo(5_000L);
        assertThat(second.id).isNotNull().isNotEqualTo(5_000L);
        assertThat(third.id).isNotNull().isNotIn(5_000L, second.id);
        for (Customer c : List.of(chosen, second, third)) {
            assertThat(t.db().scalar(select(Customer_.NAME).where(Customer_.ID.eq(c.id))).join()).isEqualTo(c.name);
        }
    }

    @OnEachDatabase
    void insertedPurchasesKeepDecimalsDatesAndBooleans(TestDb t) {
        Shop.recreate(t);
        Customer ann = new Customer("Ann", null);
        t.db().execute(insert(Customer.class).values(ann)).join();
        Purchase book = new Purchase(ann.id, "Book", new BigDecimal("12.50"));
        book.done = true;
        book.due = LocalDate.of(2024, 2, 29);
        Purchase free = new Purchase(ann.id, "Free", null);
        t.db().execute(insert(Purchase.class).values(List.of(book, free))).join();
        t.db().execute(insert(Purchase.class).values(Map.of("customerId", ann.id, "title", "Pen",
                "amount", "0.05", "due", "2025-01-31", "done", false))).join();
        t.db().execute(insert(Purchase.class).values(Map.of("customer_id", ann.id, "title", "Ink", "done", true,
                "amount", 3))).join();

        List<Purchase> read = t.db().scalars(select(Purchase.class).orderBy(Purchase_.ID.asc())).join();
        assertThat(read).extracting(p -> p.title).containsExactly("Book", "Free", "Pen", "Ink");
        assertThat(read.get(0).id).isEqualTo(book.id);
        assertThat(read.get(0).amount).isEqualByComparingTo("12.50");
        assertThat(read.get(0).done).isTrue();
        assertThat(read.get(0).due).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(read.get(1).amount).isNull();
        assertThat(read.get(1).done).isFalse();
        assertThat(read.get(1).due).isNull();
        assertThat(read.get(2).customerId).isEqualTo(ann.id);
        assertThat(read.get(2).amount).isEqualByComparingTo("0.05");
        assertThat(read.get(2).due).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(read.get(3).amount).isEqualByComparingTo("3");
        assertThat(read.get(3).done).isTrue();
    }

    @OnEachDatabase
    void severalValuesCallsAddRowsInOrder(TestDb t) {
        Shop.recreate(t);
        Customer first = new Customer("Ann", null, 1);
        Customer second = new Customer("Ben", null, 2);
        assertThat(t.db().execute(insert(Customer.class).values(first).values(second)).join()).isEqualTo(2L);
        assertThat(first.id).isLessThan(second.id);
        assertThat(t.db().scalars(select(Customer_.NAME).orderBy(Customer_.ID.asc())).join()).containsExactly("Ann", "Ben");
    }

    @OnEachDatabase
    void mapRowsTakeFieldOrColumnNamesAndMissingKeysTakeTheColumnDefaults(TestDb t) {
        Shop.recreate(t);
        Instant created = Instant.parse("2023-12-31T23:59:59.999999Z");
        Map<String, Object> byField = Map.of("name", "Ann", "createdAt", created, "tier", Tier.GOLD);
        Map<String, Object> byColumn = Map.of("name", "Ben", "created_at", created, "email", "ben@example.com",
                "visits", 5, "score", 8);
        assertThat(t.db().execute(insert(Customer.class).values(byField)).join()).isEqualTo(1L);
        assertThat(t.db().execute(insert(Customer.class).values(List.of(byColumn))).join()).isEqualTo(1L);

        Customer ann = customerNamed(t.db(), "Ann");
        assertThat(ann.id).isNotNull();
        assertThat(ann.createdAt).isEqualTo(created);
        assertThat(ann.tier).isEqualTo(Tier.GOLD);
        assertThat(ann.visits).as("default 0").isZero();
        assertThat(ann.segment).as("default 'retail'").isEqualTo("retail");
        assertThat(ann.score).isNull();
        assertThat(ann.email).isNull();
        Customer ben = customerNamed(t.db(), "Ben");
        assertThat(ben.createdAt).isEqualTo(created);
        assertThat(ben.visits).isEqualTo(5);
        assertThat(ben.score).isEqualTo(8);
        assertThat(ben.email).isEqualTo("ben@example.com");
        assertThat(ben.segment).isEqualTo("retail");
    }

    @OnEachDatabase
    void mapRowsWithDifferentKeysGoInOneCall(TestDb t) {
        Shop.recreate(t);
        List<Map<String, Object>> rows = List.of(
                Map.of("name", "Ann"),
                Map.of("name", "Ben", "visits", 2),
                Map.of("name", "Cat", "segment", "vip", "score", 3));
        assertThat(t.db().execute(insert(Customer.class).values(rows)).join()).isEqualTo(3L);
        List<Tuple> read = t.db().scalars(select(Customer_.NAME, Customer_.VISITS, Customer_.SEGMENT, Customer_.SCORE)
                .orderBy(Customer_.NAME.asc())).join();
        assertThat(read).extracting(Tuple::toList).containsExactly(
                java.util.Arrays.asList("Ann", 0, "retail", null),
                java.util.Arrays.asList("Ben", 2, "retail", null),
                java.util.Arrays.asList("Cat", 0, "vip", 3));
    }

    @OnEachDatabase
    void mapRowsWithTheSameKeysInAnotherOrderOrOtherKeysOfTheSameNumberKeepTheirValues(TestDb t) {
        Shop.recreate(t);
        Map<String, Object> first = new java.util.LinkedHashMap<>();
        first.put("name", "Ann");
        first.put("visits", 1);
        first.put("score", 10);
        Map<String, Object> reordered = new java.util.LinkedHashMap<>();
        reordered.put("score", 20);
        reordered.put("name", "Ben");
        reordered.put("visits", 2);
        Map<String, Object> withNull = new java.util.LinkedHashMap<>();
        withNull.put("visits", 3);
        withNull.put("score", null);
        withNull.put("name", "Cat");
        Map<String, Object> otherKeys = Map.of("name", "Dan", "segment", "vip", "visits", 4);   // as many keys, one other
        List<Map<String, Object>> rows = List.of(first, reordered, withNull, otherKeys, Map.of("name", "Eve", "visits", 5, "score", 50));
        assertThat(t.db().execute(insert(Customer.class).values(rows)).join()).isEqualTo(5L);
        List<Tuple> read = t.db().scalars(select(Customer_.NAME, Customer_.VISITS, Customer_.SCORE, Customer_.SEGMENT)
                .orderBy(Customer_.NAME.asc())).join();
        assertThat(read).extracting(Tuple::toList).containsExactly(
                java.util.Arrays.asList("Ann", 1, 10, "retail"),
                java.util.Arrays.asList("Ben", 2, 20, "retail"),
                java.util.Arrays.asList("Cat", 3, null, "retail"),
                java.util.Arrays.asList("Dan", 4, null, "vip"),
                java.util.Arrays.asList("Eve", 5, 50, "retail"));
    }

    @OnEachDatabase
    void aMixedListOfEntitiesAndMapsIsInsertedAndTheEntitiesGetIds(TestDb t) {
        Shop.recreate(t);
        Customer ann = new Customer("Ann", "ann@example.com", 1);
        Customer cat = new Customer("Cat", "cat@example.com", 3);
        List<Object> rows = List.of(ann, Map.of("name", "Ben", "email", "ben@example.com"), cat);
        assertThat(t.db().execute(insert(Customer.class).values(rows)).join()).isEqualTo(3L);
        assertThat(ann.id).isNotNull();
        assertThat(cat.id).isNotNull().isGreaterThan(ann.id);
        assertThat(t.db().scalars(select(Customer_.NAME).orderBy(Customer_.ID.asc())).join())
                .containsExactly("Ann", "Ben", "Cat");
        assertThat(customerNamed(t.db(), "Cat").id).isEqualTo(cat.id);
    }

    @OnEachDatabase
    void anUnknownMapKeyIsAnErrorNamingTheKeyAndTheEntity(TestDb t) {
        Shop.recreate(t);
        Throwable thrown = thrownBy(() -> t.db().execute(insert(Customer.class)
                .values(Map.of("name", "Ann", "nickname", "Annie"))).join());
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nickname").hasMessageContaining("Customer");
        Throwable inList = thrownBy(() -> t.db().execute(insert(Customer.class)
                .values(List.of(Map.of("name", "Ann"), Map.of("name", "Ben", "Visits", 1)))).join());
        assertThat(inList).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Visits");
        assertThat(rows(t.db())).isZero();
    }

    /** Keys are looked up once for a run of rows with the same keys; each row is still checked. */
    @OnEachDatabase
    void manyMapRowsWithTheSameKeysAreCheckedEachAndAMistakeLateInTheRunIsNamed(TestDb t) {
        Shop.recreate(t);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (i % 500 == 7) {   // the same keys in another order now and then
                row.put("visits", i);
                row.put("name", "c" + i);
            } else {
                row.put("name", "c" + i);
                row.put("visits", i);
            }
            rows.add(row);
        }
        List<Map<String, Object>> unknownKey = new ArrayList<>(rows);
        unknownKey.set(1_500, new LinkedHashMap<>(Map.of("name", "x")));
        unknownKey.get(1_500).put("Visits", 1);
        assertThat(thrownBy(() -> insert(Customer.class).values(unknownKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Visits'").hasMessageContaining("Customer");
        List<Map<String, Object>> wrongValue = new ArrayList<>(rows);
        wrongValue.set(1_600, new LinkedHashMap<>(Map.of("name", "y")));
        wrongValue.get(1_600).put("visits", "lots");
        assertThat(thrownBy(() -> insert(Customer.class).values(wrongValue)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visits");
        List<Map<String, Object>> namedTwice = new ArrayList<>(rows);
        namedTwice.set(1_700, new LinkedHashMap<>(Map.of("name", "z")));
        namedTwice.get(1_700).put("createdAt", Instant.EPOCH);
        namedTwice.get(1_700).put("created_at", Instant.EPOCH);
        namedTwice.set(1_701, new LinkedHashMap<>(Map.of("name", "z")));
        assertThat(thrownBy(() -> insert(Customer.class).values(namedTwice)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createdAt twice");

        assertThat(t.db().execute(insert(Customer.class).values(rows)).join()).isEqualTo(2_000L);
        assertThat(t.db().scalar(select(Customer_.VISITS).where(Customer_.NAME.eq("c1507"))).join()).isEqualTo(1_507);
        assertThat(t.db().scalar(select(Customer_.VISITS).where(Customer_.NAME.eq("c1999"))).join()).isEqualTo(1_999);
        assertThat(t.db().scalar(select(sum(Customer_.VISITS))).join()).isEqualTo(1_999_000);
    }

    @OnEachDatabase
    void aMapValueOfTheWrongTypeIsAnIllegalArgument(TestDb t) {
        Shop.recreate(t);
        assertThat(thrownBy(() -> t.db().execute(insert(Customer.class)
                .values(Map.of("name", "Ann", "visits", "lots"))).join()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visits");
        assertThat(thrownBy(() -> t.db().execute(insert(Customer.class)
                .values(Map.of("name", "Ann", "createdAt", List.of(2024, 1, 1)))).join()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(thrownBy(() -> t.db().execute(insert(Customer.class)
                .values(List.of(new Customer("Ann", null), "Ben"))).join()))
                .as("a row that is neither an entity nor a map").isInstanceOf(IllegalArgumentException.class);
        assertThat(rows(t.db())).isZero();
    }

    @OnEachDatabase
    void returningGivesTheChosenColumnsOfTheInsertedRows(TestDb t) {
        Shop.recreate(t);
        List<Long> ids = t.db().scalars(insert(Customer.class)
                .values(List.of(new Customer("Ann", null, 1), new Customer("Ben", null, 2)))
                .returning(Customer_.ID)).join();
        assertThat(ids).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(t.db().scalars(select(Customer_.ID).orderBy(Customer_.ID.asc())).join())
                .containsExactlyInAnyOrderElementsOf(ids);

        List<Tuple> rows = t.db().scalars(insert(Customer.class)
                .values(Map.of("name", "Cat", "score", 7))
                .returning(Customer_.ID, Customer_.SEGMENT)).join();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(Customer_.ID)).isNotNull().isNotIn(ids);
        assertThat(rows.getFirst().get(Customer_.SEGMENT)).as("the default the database filled in").isEqualTo("retail");
        assertThat(rows.getFirst().get(Customer_.ID)).isEqualTo(customerNamed(t.db(), "Cat").id);
    }

    @OnEachDatabase
    void anUpsertWithDoNothingKeepsTheExistingRow(TestDb t) {
        Shop.recreate(t);
        t.db().execute(insert(Customer.class).values(new Customer("Ann", "ann@example.com", 1))).join();
        Customer impostor = new Customer("Impostor", "ann@example.com", 9);
        // The count of an upsert is the database's own (MariaDB counts a skipped row as 1): check the data.
        t.db().execute(insert(Customer.class)
                .values(List.of(impostor, new Customer("Ben", "ben@example.com", 2)))
                .onConflict(Customer_.EMAIL).doNothing()).join();
        assertThat(t.db().scalars(select(Customer_.NAME).orderBy(Customer_.NAME.asc())).join()).containsExactly("Ann", "Ben");
        assertThat(customerNamed(t.db(), "Ann").visits).isEqualTo(1);
    }

    @OnEachDatabase
    void anUpsertWithDoUpdateOverwritesTheGivenColumns(TestDb t) {
        Shop.recreate(t);
        Customer ann = new Customer("Ann", "ann@example.com", 1);
        ann.score = 50;
        t.db().execute(insert(Customer.class).values(ann)).join();
        Customer again = new Customer("Ann Again", "ann@example.com", 7);
        again.score = 99;
        // The count of an upsert is the database's own (MariaDB counts an updated row as 2): check the data.
        t.db().execute(insert(Customer.class)
                .values(List.of(again, new Customer("Ben", "ben@example.com", 2)))
                .onConflict(Customer_.EMAIL).doUpdate(Customer_.NAME, Customer_.VISITS)).join();
        Customer read = t.db().execute(select(Customer.class).where(Customer_.EMAIL.eq("ann@example.com"))).join().one();
        assertThat(read.id).isEqualTo(ann.id);
        assertThat(read.name).isEqualTo("Ann Again");
        assertThat(read.visits).isEqualTo(7);
        assertThat(read.score).as("not in doUpdate: kept").isEqualTo(50);
        assertThat(rows(t.db())).isEqualTo(2L);
    }

    @OnEachDatabase
    void anUpsertCanCombineTheExistingAndTheExcludedValues(TestDb t) {
        Shop.recreate(t);
        t.db().execute(insert(Customer.class).values(new Customer("Ann", "ann@example.com", 10))).join();
        for (int i = 0; i < 3; i++) {
            t.db().execute(insert(Customer.class)
                    .values(Map.of("name", "ignored", "email", "ann@example.com", "visits", 5))
                    .onConflict(Customer_.EMAIL)
                    .doUpdate(set(Customer_.VISITS, Customer_.VISITS.plus(excluded(Customer_.VISITS))),
                            set(Customer_.SEGMENT, "loyal"))).join();
        }
        Customer ann = customerNamed(t.db(), "Ann");
        assertThat(ann.visits).isEqualTo(25);
        assertThat(ann.segment).isEqualTo("loyal");
        assertThat(rows(t.db())).isEqualTo(1L);
    }

    @OnEachDatabase
    void bulkInsertOfAHundredThousandRowsSetsEveryId(TestDb t) {
        Shop.recreate(t);
        int n = 100_000;
        List<Customer> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Customer c = new Customer("bulk-" + i, null, i);
            c.tier = Tier.values()[i % 3];
            customers.add(c);
        }
        assertThat(t.db().execute(insert(Customer.class).values(customers)).join()).isEqualTo((long) n);
        assertThat(t.db().scalar(select(count()).from(Customer.class)).join()).isEqualTo((long) n);

        Set<Long> ids = new HashSet<>(n * 2);
        for (Customer c : customers) {
            if (c.id == null) {
                assertThat(c.id).as("id of %s", c.name).isNotNull();
            }
            ids.add(c.id);
        }
        assertThat(ids).as("distinct ids").hasSize(n);
        Map<Long, Integer> visitsById = new HashMap<>(n * 2);
        for (Tuple row : t.db().scalars(select(Customer_.ID, Customer_.VISITS)).join()) {
            visitsById.put(row.get(Customer_.ID), row.get(Customer_.VISITS));
        }
        for (Customer c : customers) {
            if (!Integer.valueOf(c.visits).equals(visitsById.get(c.id))) {
                assertThat(visitsById.get(c.id)).as("the row with the id set on %s", c.name).isEqualTo(c.visits);
            }
        }
        assertThat(t.db().count(select(Customer.class).where(Customer_.TIER.eq(Tier.GOLD))).join()).isEqualTo(33_333L);
    }

    @OnEachDatabase
    void aFailureInTheMiddleOfAManyChunkInsertStoresNothing(TestDb t) {
        Shop.recreate(t);
        AtomicInteger inserts = new AtomicInteger();
        Database db = t.open(Config.builder().listener(new StatementListener() {
            @Override
            public void started(String sql, List<Object> binds) {
                if (sql.startsWith("INSERT")) {
                    inserts.incrementAndGet();
                }
            }
        }).build());
        int n = 20_000;   // 140,000 values: more than any of the databases binds in one statement
        List<Customer> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            customers.add(new Customer("c" + i, "c" + i + "@example.com", i));
        }
        customers.get(19_000).email = "c10@example.com";   // a duplicate in the last chunk
        IntegrityViolationException e = failure(db.execute(insert(Customer.class).values(customers)),
                IntegrityViolationException.class);
        assertThat(e.kind()).isEqualTo(IntegrityViolationException.Kind.UNIQUE);
        assertThat(inserts.get()).as("INSERT statements run before the failure").isGreaterThan(1);
        assertThat(rows(db)).as("all or nothing").isZero();

        Customer after = new Customer("after", "c10@example.com", 1);
        assertThat(db.execute(insert(Customer.class).values(after)).join()).isEqualTo(1L);
        assertThat(after.id).isNotNull();
        assertThat(rows(db)).isEqualTo(1L);
        assertThat(rows(t.db())).as("seen from another pool").isEqualTo(1L);
    }

    @OnEachDatabase
    void valuesGivenInALinkedMapKeepTheirTypesAndNullsAreStoredAsNull(TestDb t) {
        Shop.recreate(t);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "Ann");
        row.put("email", null);
        row.put("score", null);
        row.put("segment", null);
        row.put("visits", 3L);   // a Long for an int field, as JSON might give it
        assertThat(t.db().execute(insert(Customer.class).values(row)).join()).isEqualTo(1L);
        Customer ann = customerNamed(t.db(), "Ann");
        assertThat(ann.visits).isEqualTo(3);
        assertThat(ann.segment).as("an explicit null is NULL, not the default").isNull();
        assertThat(ann.score).isNull();
    }
}
