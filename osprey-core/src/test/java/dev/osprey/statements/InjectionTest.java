package dev.osprey.statements;

import dev.osprey.Database;
import dev.osprey.query.Predicate;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Purchase_;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.osprey.query.Sql.concat;
import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.delete;
import static dev.osprey.query.Sql.excluded;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.set;
import static dev.osprey.query.Sql.update;
import static dev.osprey.query.Sql.value;
import static dev.osprey.statements.Shop.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every string a user passes to a statement is bound as a value: hostile text through each entry
 * point (entity and map inserts, updates, upserts, every kind of condition) is stored and found as
 * plain data, and the tables survive. Map keys name fields, so a key that is SQL is refused.
 * (NUL is left out: PostgreSQL refuses it in text.)
 */
class InjectionTest {

    /** Hostile texts; none ends in a space (MariaDB's PAD SPACE collation ignores trailing spaces in {@code =}). */
    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE st_customers; --",
            "\" OR 1=1 --",
            "Robert'); DELETE FROM st_purchases; --",
            "x' OR 'a'='a",
            "it's a 'quote' and a \"double\"",
            "back\\slash \\' \\\" \\\\",
            "\\",
            "'",
            "\"",
            "%",
            "_",
            "50% off_everything",
            "`backtick` [bracket] $$dollar$$ $1 ? ?? :name :=x ::text",
            "/* comment */ -- line",
            "line\nbreak\ttab\rreturn",
            "é中文 🦅 \uD834\uDD1E",
            "); DROP TABLE st_purchases; SELECT ('");

    private static Customer customer(Database db, String name) {
        return db.execute(select(Customer.class).where(Customer_.NAME.eq(name))).join().one();
    }

    private static List<String> names(Database db, Predicate... where) {
        return db.scalars(select(Customer_.NAME).where(where)).join().stream().sorted().toList();
    }

    private static List<String> expected(java.util.function.Predicate<String> matches) {
        return HOSTILE.stream().filter(matches).sorted().toList();
    }

    /** Both tables still exist, with the expected number of rows. */
    private static void assertTablesIntact(Database db, long customers, long purchases) {
        assertThat(db.scalar(select(count()).from(Customer.class)).join()).isEqualTo(customers);
        assertThat(db.scalar(select(count()).from(Purchase.class)).join()).isEqualTo(purchases);
    }

    /** One customer per hostile text, named by it, with e-mail {@code i + ":" + text}. */
    private static List<Customer> insertAsEntities(Database db) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            customers.add(new Customer(HOSTILE.get(i), i + ":" + HOSTILE.get(i)));
        }
        db.execute(insert(Customer.class).values(customers)).join();
        return customers;
    }

    @OnEachDatabase
    void hostileTextInsertedAsEntitiesIsStoredAndReadBackAsIs(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        List<Customer> customers = insertAsEntities(db);
        Customer single = new Customer("'", "single'); DROP TABLE st_customers; --");
        db.execute(insert(Customer.class).values(single)).join();
        assertTablesIntact(db, HOSTILE.size() + 1, 0);

        for (Customer c : customers) {
            Customer read = db.execute(select(Customer.class).where(Customer_.ID.eq(c.id))).join().one();
            assertThat(read.name).isEqualTo(c.name);
            assertThat(read.email).isEqualTo(c.email);
        }
        assertThat(db.scalar(select(Customer_.EMAIL).where(Customer_.ID.eq(single.id))).join())
                .isEqualTo("single'); DROP TABLE st_customers; --");
    }

    @OnEachDatabase
    void hostileTextInsertedAsMapsIsStoredAsIs(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            rows.add(Map.of("name", HOSTILE.get(i), "email", i + ":" + HOSTILE.get(i), "segment", "s" + i));
        }
        assertThat(db.execute(insert(Customer.class).values(rows)).join()).isEqualTo(HOSTILE.size());
        assertTablesIntact(db, HOSTILE.size(), 0);
        assertThat(names(db)).containsExactlyElementsOf(expected(s -> true));
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(db.scalar(select(Customer_.EMAIL).where(Customer_.SEGMENT.eq("s" + i))).join())
                    .isEqualTo(i + ":" + HOSTILE.get(i));
        }
    }

    @OnEachDatabase
    void hostileTextInConditionsFindsExactlyTheRowsThatHoldIt(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        insertAsEntities(db);
        for (String s : HOSTILE) {
            assertThat(names(db, Customer_.NAME.eq(s))).as("eq %s", s).containsExactly(s);
            assertThat(names(db, Customer_.NAME.ne(s))).as("ne %s", s).hasSize(HOSTILE.size() - 1);
            assertThat(names(db, Customer_.NAME.startsWith(s))).as("startsWith %s", s)
                    .containsExactlyElementsOf(expected(h -> h.startsWith(s)));
            assertThat(names(db, Customer_.NAME.endsWith(s))).as("endsWith %s", s)
                    .containsExactlyElementsOf(expected(h -> h.endsWith(s)));
            assertThat(names(db, Customer_.NAME.contains(s))).as("contains %s", s)
                    .containsExactlyElementsOf(expected(h -> h.contains(s)));
            assertThat(names(db, Customer_.NAME.in(s, "nobody"))).as("in %s", s).containsExactly(s);
            assertThat(names(db, Customer_.NAME.notIn(s))).as("notIn %s", s).hasSize(HOSTILE.size() - 1);
            assertThat(names(db, Customer_.EMAIL.gt(s), Customer_.EMAIL.lt(s))).as("gt and lt %s", s).isEmpty();
        }
        assertThat(names(db, Customer_.NAME.in(HOSTILE))).containsExactlyElementsOf(expected(h -> true));
        assertTablesIntact(db, HOSTILE.size(), 0);
    }

    @OnEachDatabase
    void hostileTextInLikePatternsIsOnlyAPattern(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        insertAsEntities(db);
        assertThat(names(db, Customer_.NAME.like("%DROP TABLE st_%"))).containsExactly(
                "'; DROP TABLE st_customers; --", "); DROP TABLE st_purchases; SELECT ('");
        assertThat(names(db, Customer_.NAME.like("'%"))).containsExactly("'", "'; DROP TABLE st_customers; --");
        assertThat(names(db, Customer_.NAME.like("%' OR '%"))).containsExactly("x' OR 'a'='a");
        assertThat(names(db, Customer_.NAME.like("\\\\"))).containsExactly("\\");
        assertThat(names(db, Customer_.NAME.like("\\%"))).containsExactly("%");
        assertThat(names(db, Customer_.NAME.like("_"))).containsExactly("\"", "%", "'", "\\", "_");
        assertThat(names(db, Customer_.NAME.like("%🦅%"))).containsExactly("é中文 🦅 \uD834\uDD1E");
        assertThat(names(db, Customer_.NAME.ilike("%drop table%"))).containsExactly(
                "'; DROP TABLE st_customers; --", "); DROP TABLE st_purchases; SELECT ('");
        for (String s : HOSTILE) {
            List<String> ascii = expected(h -> h.chars().allMatch(c -> c < 128)
                    && h.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)));
            if (s.chars().allMatch(c -> c < 128)) {
                assertThat(names(db, Customer_.NAME.containsIgnoreCase(s), Customer_.NAME.notLike("%é%")))
                        .as("containsIgnoreCase %s", s).containsExactlyElementsOf(ascii);
            }
        }
        assertTablesIntact(db, HOSTILE.size(), 0);
    }

    @OnEachDatabase
    void hostileTextInUpdatesIsStoredAsIs(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        List<Customer> customers = insertAsEntities(db);
        for (String s : HOSTILE) {
            long changed = db.execute(update(Customer.class)
                    .set(Customer_.NAME, "#" + s)
                    .set(Customer_.SEGMENT, s.length() > 20 ? s.substring(0, 20) : s)
                    .where(Customer_.NAME.eq(s))).join();
            assertThat(changed).as("update where name = %s", s).isEqualTo(1L);
        }
        for (int i = 0; i < HOSTILE.size(); i++) {
            String s = HOSTILE.get(i);
            long id = customers.get(i).id;
            Customer read = db.execute(select(Customer.class).where(Customer_.ID.eq(id))).join().one();
            assertThat(read.name).isEqualTo("#" + s);
            assertThat(read.segment).isEqualTo(s.length() > 20 ? s.substring(0, 20) : s);
            db.execute(update(Customer.class).set(Map.of("email", "map:" + s)).where(Customer_.ID.eq(id))).join();
            assertThat(db.scalar(select(Customer_.EMAIL).where(Customer_.ID.eq(id))).join()).isEqualTo("map:" + s);
            db.execute(update(Customer.class).set(Customer_.EMAIL, concat(value(s), Customer_.EMAIL.concat(s)))
                    .where(Customer_.ID.eq(id))).join();
            assertThat(db.scalar(select(Customer_.EMAIL).where(Customer_.ID.eq(id))).join()).isEqualTo(s + "map:" + s + s);
        }
        assertTablesIntact(db, HOSTILE.size(), 0);
    }

    @OnEachDatabase
    void hostileTextInUpsertsAndDeletesIsOnlyData(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        List<Customer> customers = insertAsEntities(db);
        Purchase p = new Purchase(customers.getFirst().id, "'; DROP TABLE st_purchases; --", new BigDecimal("1.00"));
        db.execute(insert(Purchase.class).values(p)).join();
        assertThat(db.scalar(select(Purchase_.TITLE).where(Purchase_.ID.eq(p.id))).join())
                .isEqualTo("'; DROP TABLE st_purchases; --");

        for (int i = 0; i < HOSTILE.size(); i++) {
            String s = HOSTILE.get(i);
            db.execute(insert(Customer.class)
                    .values(Map.of("name", "upserted " + s, "email", i + ":" + s))
                    .onConflict(Customer_.EMAIL)
                    .doUpdate(set(Customer_.NAME, excluded(Customer_.NAME)), set(Customer_.SEGMENT, "u" + i))).join();
        }
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(customer(db, "upserted " + HOSTILE.get(i)).segment).isEqualTo("u" + i);
        }
        assertTablesIntact(db, HOSTILE.size(), 1);

        db.execute(insert(Customer.class).values(new Customer("fresh", "'); DROP TABLE st_customers; --"))
                .onConflict(Customer_.EMAIL).doNothing()).join();
        assertThat(customer(db, "fresh").email).isEqualTo("'); DROP TABLE st_customers; --");

        assertThat(db.execute(delete(Customer.class).where(Customer_.NAME.eq("upserted " + HOSTILE.getFirst()))).join())
                .isEqualTo(1L);
        assertThat(db.execute(delete(Customer.class).where(Customer_.NAME.eq("' OR '1'='1"))).join()).isZero();
        assertTablesIntact(db, HOSTILE.size(), 0);   // the purchase went with its customer
    }

    @OnEachDatabase
    void aMapKeyThatIsSqlIsRefusedAndNothingRuns(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        for (String key : List.of("name) VALUES ('x'); DROP TABLE st_customers; --", "\"name\"", "`name`",
                "name = 'x', visits", "name; --", "name--")) {
            Throwable inInsert = thrownBy(() -> db.execute(insert(Customer.class).values(Map.of(key, "x"))).join());
            assertThat(inInsert).as("insert with key %s", key).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
            Throwable inUpdate = thrownBy(() -> db.execute(update(Customer.class).set(Map.of(key, "x"))
                    .where(Customer_.ID.eq(1L))).join());
            assertThat(inUpdate).as("update with key %s", key).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }
        assertTablesIntact(db, 0, 0);
    }
}
