package dev.osprey.statements;

import dev.osprey.Database;
import dev.osprey.query.Delete;
import dev.osprey.query.Update;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Purchase_;
import dev.osprey.statements.shop.Tier;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.osprey.query.Sql.coalesce;
import static dev.osprey.query.Sql.concat;
import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.delete;
import static dev.osprey.query.Sql.lower;
import static dev.osprey.query.Sql.now;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static dev.osprey.query.Sql.value;
import static dev.osprey.statements.Shop.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed UPDATEs and DELETEs: values and expressions evaluated by the database, rows affected,
 * the explicit {@code all()} for statements without a where clause, and cascading deletes. The
 * data set is {@link Shop}'s.
 */
class UpdateDeleteTest {

    private static Customer customer(Database db, String name) {
        return db.execute(select(Customer.class).where(Customer_.NAME.eq(name))).join().one();
    }

    private static Customer customer(Database db, long id) {
        return db.execute(select(Customer.class).where(Customer_.ID.eq(id))).join().one();
    }

    private static long run(Database db, Update<?> update) {
        return db.execute(update).join();
    }

    @OnEachDatabase
    void setWritesValuesToTheMatchingRowsOnly(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        Database db = t.db();
        assertThat(run(db, update(Customer.class)
                .set(Customer_.NAME, "Ada Lovelace")
                .set(Customer_.TIER, Tier.SILVER)
                .set(Customer_.CREATED_AT, Instant.parse("1843-07-01T00:00:00Z"))
                .where(Customer_.ID.eq(ids.get("Ada"))))).isEqualTo(1L);
        Customer ada = customer(db, ids.get("Ada"));
        assertThat(ada.name).isEqualTo("Ada Lovelace");
        assertThat(ada.tier).isEqualTo(Tier.SILVER);
        assertThat(ada.createdAt).isEqualTo(Instant.parse("1843-07-01T00:00:00Z"));
        assertThat(ada.visits).as("untouched").isEqualTo(10);
        assertThat(customer(db, "Bob").tier).as("other rows untouched").isEqualTo(Tier.SILVER);
        assertThat(customer(db, "Eve").tier).isEqualTo(Tier.GOLD);
    }

    @OnEachDatabase
    void aLaterSetOfTheSameColumnWins(TestDb t) {
        Shop.seed(t);
        run(t.db(), update(Customer.class).set(Customer_.VISITS, 1).set(Customer_.VISITS, 2)
                .where(Customer_.NAME.eq("Bob")));
        assertThat(customer(t.db(), "Bob").visits).isEqualTo(2);
    }

    @OnEachDatabase
    void updatesReportTheRowsTheyMatched(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(run(db, update(Customer.class).set(Customer_.SEGMENT, "bronze").where(Customer_.TIER.eq(Tier.BRONZE))))
                .isEqualTo(2L);
        assertThat(run(db, update(Customer.class).set(Customer_.SEGMENT, "x").where(Customer_.NAME.eq("Zed"))))
                .isZero();
        assertThat(run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.plus(1))
                .where(Customer_.VISITS.ge(7)))).isEqualTo(3L);
        assertThat(run(db, update(Customer.class).set(Customer_.SEGMENT, "retail").where(Customer_.SEGMENT.eq("retail"))))
                .as("rows whose value stays the same are counted too, on every database").isEqualTo(2L);
    }

    @OnEachDatabase
    void arithmeticIsEvaluatedByTheDatabaseAndIntegerDivisionTruncates(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        Database db = t.db();
        long ada = ids.get("Ada");
        run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.plus(5)).where(Customer_.ID.eq(ada)));
        assertThat(customer(db, ada).visits).isEqualTo(15);
        run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.minus(20)).where(Customer_.ID.eq(ada)));
        assertThat(customer(db, ada).visits).isEqualTo(-5);
        run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.times(3)).where(Customer_.ID.eq(ada)));
        assertThat(customer(db, ada).visits).isEqualTo(-15);
        run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.div(4)).where(Customer_.ID.eq(ada)));
        assertThat(customer(db, ada).visits).as("-15 / 4 truncates toward zero").isEqualTo(-3);
        run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.times(-3).div(2)).where(Customer_.ID.eq(ada)));
        assertThat(customer(db, ada).visits).as("9 / 2").isEqualTo(4);

        run(db, update(Customer.class).set(Customer_.SCORE, Customer_.SCORE.plus(Customer_.VISITS))
                .where(Customer_.NAME.in("Cyd", "Bob")));
        assertThat(customer(db, "Cyd").score).isEqualTo(57);
        assertThat(customer(db, "Bob").score).as("NULL + 3 is NULL").isNull();
        assertThat(db.scalar(select(Customer_.VISITS.div(2)).where(Customer_.NAME.eq("Cyd"))).join())
                .as("7 / 2 in a select").isEqualTo(3);
    }

    @OnEachDatabase
    void everySetExpressionReadsTheRowAsItWasBeforeTheUpdate(TestDb t) {
        Shop.seed(t);
        run(t.db(), update(Customer.class)
                .set(Customer_.VISITS, Customer_.VISITS.plus(1))
                .set(Customer_.SCORE, Customer_.VISITS.times(10))
                .where(Customer_.NAME.eq("Cyd")));
        Customer cyd = customer(t.db(), "Cyd");
        assertThat(cyd.visits).isEqualTo(8);
        assertThat(cyd.score).as("the old visits (7) times 10, as standard SQL has it").isEqualTo(70);
    }

    @OnEachDatabase
    void decimalArithmeticKeepsTheFraction(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        long changed = db.execute(update(Purchase.class)
                .set(Purchase_.AMOUNT, Purchase_.AMOUNT.div(2))
                .where(Purchase_.TITLE.eq("Book"))).join();
        assertThat(changed).isEqualTo(2L);
        assertThat(db.scalars(select(Purchase_.AMOUNT).where(Purchase_.TITLE.eq("Book"))).join())
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("6.25"));
        db.execute(update(Purchase.class).set(Purchase_.AMOUNT, Purchase_.AMOUNT.times(3).plus(0.5))
                .where(Purchase_.TITLE.eq("Lamp"))).join();
        assertThat(db.scalar(select(Purchase_.AMOUNT).where(Purchase_.TITLE.eq("Lamp"))).join())
                .isEqualByComparingTo("90.50");
    }

    @OnEachDatabase
    void textFunctionsConcatLowerAndUpper(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        run(db, update(Customer.class).set(Customer_.NAME, Customer_.NAME.concat(" Jr.")).where(Customer_.NAME.eq("Bob")));
        assertThat(customer(db, "Bob Jr.").email).isEqualTo("bob@example.com");
        run(db, update(Customer.class)
                .set(Customer_.EMAIL, concat(lower(Customer_.NAME), value("+"), Customer_.VISITS, value("@shop.example")))
                .where(Customer_.NAME.eq("Ada")));
        assertThat(customer(db, "Ada").email).isEqualTo("ada+10@shop.example");
        run(db, update(Customer.class).set(Customer_.NAME, Customer_.NAME.upper()).where(Customer_.NAME.eq("Cyd")));
        assertThat(customer(db, "CYD").visits).isEqualTo(7);
        run(db, update(Customer.class).set(Customer_.SEGMENT, Customer_.NAME.lower()).where(Customer_.NAME.eq("CYD")));
        assertThat(customer(db, "CYD").segment).isEqualTo("cyd");
        run(db, update(Customer.class).set(Customer_.SEGMENT, Customer_.EMAIL.concat(".old")).where(Customer_.NAME.eq("Dan")));
        assertThat(customer(db, "Dan").segment).as("concat with NULL is NULL on every database").isNull();
        assertThat(db.scalar(select(Customer_.NAME.concat("!").upper()).where(Customer_.NAME.eq("Eve"))).join())
                .isEqualTo("EVE!");
    }

    @OnEachDatabase
    void coalesceReplacesNullsOnly(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(run(db, update(Customer.class).set(Customer_.SCORE, Customer_.SCORE.coalesce(0)).all())).isEqualTo(5L);
        assertThat(db.scalars(select(Customer_.SCORE).orderBy(Customer_.NAME.asc())).join())
                .containsExactly(90, 0, 50, 0, 70);
        run(db, update(Customer.class).set(Customer_.EMAIL, coalesce(Customer_.EMAIL, value("nobody@example.com")))
                .where(Customer_.NAME.in("Ada", "Dan")));
        assertThat(customer(db, "Ada").email).isEqualTo("ada@example.com");
        assertThat(customer(db, "Dan").email).isEqualTo("nobody@example.com");
        assertThat(db.scalar(select(coalesce(Customer_.CREATED_AT, value(Shop.ADA_CREATED)))
                .where(Customer_.NAME.eq("Eve"))).join()).isEqualTo(Shop.ADA_CREATED);
    }

    @OnEachDatabase
    void nowIsTheDatabasesCurrentTimeInUtc(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        Instant before = Instant.now();
        run(db, update(Customer.class).set(Customer_.CREATED_AT, now()).where(Customer_.NAME.eq("Eve")));
        Instant after = Instant.now();
        Instant stamped = customer(db, "Eve").createdAt;
        Duration window = Duration.ofMinutes(5);   // generous: the database's clock need not match ours
        assertThat(stamped).isNotNull().isBetween(before.minus(window), after.plus(window));
        assertThat(db.scalar(select(count()).from(Customer.class).where(Customer_.CREATED_AT.le(now()))).join())
                .isEqualTo(5L);
    }

    @OnEachDatabase
    void setNullClearsAColumn(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(run(db, update(Customer.class).setNull(Customer_.SCORE).setNull(Customer_.CREATED_AT)
                .where(Customer_.NAME.eq("Ada")))).isEqualTo(1L);
        Customer ada = customer(db, "Ada");
        assertThat(ada.score).isNull();
        assertThat(ada.createdAt).isNull();
        run(db, update(Customer.class).set(Customer_.EMAIL, (String) null).where(Customer_.NAME.eq("Bob")));
        assertThat(customer(db, "Bob").email).isNull();
    }

    @OnEachDatabase
    void setWithAMapTakesFieldAndColumnNames(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        Map<String, Object> changes = new HashMap<>();
        changes.put("name", "Adele");
        changes.put("created_at", "2020-02-02T02:02:02Z");   // text, as JSON gives it
        changes.put("score", null);
        changes.put("tier", Tier.BRONZE);
        changes.put("visits", 42L);
        assertThat(run(db, update(Customer.class).set(changes).where(Customer_.NAME.eq("Ada")))).isEqualTo(1L);
        Customer adele = customer(db, "Adele");
        assertThat(adele.createdAt).isEqualTo(Instant.parse("2020-02-02T02:02:02Z"));
        assertThat(adele.score).isNull();
        assertThat(adele.tier).isEqualTo(Tier.BRONZE);
        assertThat(adele.visits).isEqualTo(42);
    }

    @OnEachDatabase
    void setWithAMapRefusesAnUnknownName(TestDb t) {
        Shop.seed(t);
        Throwable thrown = thrownBy(() -> t.db().execute(update(Customer.class)
                .set(Map.of("name", "x", "nickname", "y")).where(Customer_.NAME.eq("Ada"))).join());
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nickname").hasMessageContaining("Customer");
        assertThat(customer(t.db(), "Ada").name).isEqualTo("Ada");
    }

    @OnEachDatabase
    void anUpdateOrDeleteWithoutWhereIsRefusedAtOnceAndChangesNothing(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        Update<Customer> everyone = update(Customer.class).set(Customer_.VISITS, 0);
        assertThatThrownBy(() -> db.execute(everyone)).isInstanceOf(IllegalArgumentException.class);
        Delete<Purchase> everything = delete(Purchase.class);
        assertThatThrownBy(() -> db.execute(everything)).isInstanceOf(IllegalArgumentException.class);
        assertThat(customer(db, "Ada").visits).isEqualTo(10);
        assertThat(db.scalar(select(count()).from(Purchase.class)).join()).isEqualTo(8L);
    }

    @OnEachDatabase
    void allSaysThatEveryRowIsMeant(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(run(db, update(Customer.class).set(Customer_.VISITS, Customer_.VISITS.plus(100)).all())).isEqualTo(5L);
        assertThat(db.scalars(select(Customer_.VISITS).orderBy(Customer_.NAME.asc())).join())
                .containsExactly(110, 103, 107, 100, 107);
        assertThat(db.execute(delete(Purchase.class).all()).join()).isEqualTo(8L);
        assertThat(db.scalar(select(count()).from(Purchase.class)).join()).isZero();
        assertThat(db.scalar(select(count()).from(Customer.class)).join()).isEqualTo(5L);
    }

    @OnEachDatabase
    void deleteRemovesTheMatchingRowsAndReportsHowMany(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(db.execute(delete(Purchase.class).where(Purchase_.DONE.eq(true))).join()).isEqualTo(3L);
        assertThat(db.execute(delete(Purchase.class).where(Purchase_.TITLE.eq("nothing"))).join()).isZero();
        assertThat(db.execute(delete(Purchase.class).where(Purchase_.DUE.isNull(), Purchase_.AMOUNT.lt(new BigDecimal("1"))))
                .join()).isEqualTo(1L);
        assertThat(db.scalars(select(Purchase_.TITLE).orderBy(Purchase_.ID.asc())).join())
                .containsExactly("Lamp", "500_off voucher", "Book", "5000off voucher");
    }

    @OnEachDatabase
    void updatesAndDeletesTakeSubqueries(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(run(db, update(Customer.class).set(Customer_.SEGMENT, "buyer")
                .where(Customer_.ID.in(select(Purchase_.CUSTOMER_ID).where(Purchase_.DONE.eq(true)))))).isEqualTo(3L);
        assertThat(db.scalars(select(Customer_.NAME).where(Customer_.SEGMENT.eq("buyer")).orderBy(Customer_.NAME.asc()))
                .join()).containsExactly("Ada", "Bob", "Cyd");
        assertThat(db.execute(delete(Customer.class)
                .where(Customer_.ID.notIn(select(Purchase_.CUSTOMER_ID)))).join()).isEqualTo(2L);
        assertThat(db.execute(delete(Purchase.class)
                .where(Purchase_.ID.in(select(Purchase_.ID).where(Purchase_.DONE.eq(true))))).join())
                .as("a subquery on the table deleted from").isEqualTo(3L);
        assertThat(db.scalar(select(count()).from(Purchase.class)).join()).isEqualTo(5L);
    }

    @OnEachDatabase
    void deletingACustomerDeletesTheirPurchasesThroughTheForeignKey(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        Database db = t.db();
        assertThat(db.execute(delete(Customer.class).where(Customer_.ID.eq(ids.get("Ada")))).join()).isEqualTo(1L);
        List<Long> owners = db.scalars(select(Purchase_.CUSTOMER_ID)).join();
        assertThat(owners).hasSize(5).doesNotContain(ids.get("Ada"));
        assertThat(db.execute(delete(Customer.class).where(Customer_.TIER.eq(Tier.BRONZE))).join()).isEqualTo(2L);
        assertThat(db.scalars(select(Purchase_.TITLE).orderBy(Purchase_.ID.asc())).join())
                .containsExactly("50%Xoff coupon", "500_off voucher");
    }
}
