package dev.osprey.statements;

import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.IntegrityViolationException.Kind;
import dev.osprey.OspreyException;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.statements.shop.NameAndVisits;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Purchase_;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.sum;
import static dev.osprey.query.Sql.update;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What goes wrong with statements, and how it is reported: misuse that needs no database throws
 * {@link IllegalArgumentException} at once; constraint violations fail the future with an
 * {@link IntegrityViolationException} of the right kind; none of it hurts the pool.
 */
class StatementErrorsTest {

    private static long customers(Database db) {
        return db.scalar(select(count()).from(Customer.class)).join();
    }

    @OnEachDatabase
    void comparingWithNullIsRefusedExceptForEqAndNe(TestDb t) {
        Shop.seed(t);
        assertThat(t.db().count(select(Customer.class).where(Customer_.SCORE.eq((Integer) null))).join()).isEqualTo(2L);
        assertThatThrownBy(() -> Customer_.SCORE.lt((Integer) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.SCORE.le((Integer) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.SCORE.gt((Integer) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.SCORE.ge((Integer) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.SCORE.between(null, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.NAME.like(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.NAME.startsWith(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.NAME.in(Arrays.asList("Ada", null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.NAME.notIn("Ada", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @OnEachDatabase
    void aSelectWithoutATableIsRefusedAtOnce(TestDb t) {
        Shop.recreate(t);
        assertThatThrownBy(() -> t.db().execute(select(count()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.db().scalar(select(count()).from(Customer.class)).join()).isZero();
    }

    @OnEachDatabase
    void aColumnOfATableTheSelectDoesNotReadIsRefusedAtOnce(TestDb t) {
        Shop.seed(t);
        assertThatThrownBy(() -> t.db().execute(select(Customer_.NAME).where(Purchase_.DONE.eq(true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Purchase");
        assertThatThrownBy(() -> t.db().execute(update(Customer.class).set(Customer_.VISITS, 1)
                .where(Purchase_.DONE.eq(true)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.db().scalar(select(Customer_.VISITS).where(Customer_.NAME.eq("Ada"))).join()).isEqualTo(10);
    }

    @Test
    void textOperationsOnNumbersAndSumsOfTextAreRefused() {
        assertThatThrownBy(() -> Customer_.VISITS.like("1%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sum(Customer_.NAME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.NAME.plus(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer_.VISITS.upper()).isInstanceOf(IllegalArgumentException.class);
    }

    @OnEachDatabase
    void aMissingNotNullValueIsANotNullViolation(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        var entity = failure(db.execute(insert(Customer.class).values(new Customer(null, "x@example.com"))),
                IntegrityViolationException.class);
        assertThat(entity.kind()).isEqualTo(Kind.NOT_NULL);
        Map<String, Object> row = new HashMap<>();
        row.put("name", null);
        row.put("email", "y@example.com");
        var map = failure(db.execute(insert(Customer.class).values(row)), IntegrityViolationException.class);
        assertThat(map.kind()).isEqualTo(Kind.NOT_NULL);
        var missing = failure(db.execute(insert(Customer.class).values(Map.of("email", "z@example.com"))),
                IntegrityViolationException.class);
        assertThat(missing.kind()).isEqualTo(Kind.NOT_NULL);
        var purchase = failure(db.execute(insert(Purchase.class).values(Map.of("title", "orphan"))),
                IntegrityViolationException.class);
        assertThat(purchase.kind()).as("customer_id is a primitive: NOT NULL, no default").isEqualTo(Kind.NOT_NULL);
        assertThat(customers(db)).isZero();
    }

    @OnEachDatabase
    void settingANotNullColumnToNullIsANotNullViolation(TestDb t) {
        Shop.seed(t);
        var e = failure(t.db().execute(update(Customer.class).setNull(Customer_.NAME).where(Customer_.NAME.eq("Ada"))),
                IntegrityViolationException.class);
        assertThat(e.kind()).isEqualTo(Kind.NOT_NULL);
        assertThat(t.db().count(select(Customer.class).where(Customer_.NAME.eq("Ada"))).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void aDuplicateUniqueValueIsAUniqueViolation(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        db.execute(insert(Customer.class).values(new Customer("Ann", "ann@example.com"))).join();
        var second = failure(db.execute(insert(Customer.class).values(new Customer("Other Ann", "ann@example.com"))),
                IntegrityViolationException.class);
        assertThat(second.kind()).isEqualTo(Kind.UNIQUE);
        var inOneCall = failure(db.execute(insert(Customer.class).values(List.of(
                new Customer("Ben", "ben@example.com"), new Customer("Ben again", "ben@example.com")))),
                IntegrityViolationException.class);
        assertThat(inOneCall.kind()).isEqualTo(Kind.UNIQUE);
        db.execute(insert(Customer.class).values(new Customer("Cat", "cat@example.com"))).join();
        var byUpdate = failure(db.execute(update(Customer.class).set(Customer_.EMAIL, "ann@example.com")
                .where(Customer_.NAME.eq("Cat"))), IntegrityViolationException.class);
        assertThat(byUpdate.kind()).isEqualTo(Kind.UNIQUE);
        assertThat(db.scalars(select(Customer_.NAME).orderBy(Customer_.NAME.asc())).join()).containsExactly("Ann", "Cat");
    }

    @OnEachDatabase
    @RequiresCapability(Capability.NAMED_CONSTRAINTS)
    void violationsNameTheConstraint(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        db.execute(insert(Customer.class).values(new Customer("Ann", "ann@example.com"))).join();
        var unique = failure(db.execute(insert(Customer.class).values(new Customer("Ann", "ann@example.com"))),
                IntegrityViolationException.class);
        assertThat(unique.constraint()).isEqualTo("uq_st_customers_email");
        var foreign = failure(db.execute(insert(Purchase.class).values(new Purchase(999_999L, "orphan", BigDecimal.ONE))),
                IntegrityViolationException.class);
        assertThat(foreign.constraint()).isEqualTo("fk_st_purchases_customer_id");
    }

    @OnEachDatabase
    void aReferenceToAMissingRowIsAForeignKeyViolation(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        Database db = t.db();
        var insert = failure(db.execute(insert(Purchase.class).values(new Purchase(999_999L, "orphan", BigDecimal.ONE))),
                IntegrityViolationException.class);
        assertThat(insert.kind()).isEqualTo(Kind.FOREIGN_KEY);
        var update = failure(db.execute(update(Purchase.class).set(Purchase_.CUSTOMER_ID, 999_999L)
                .where(Purchase_.CUSTOMER_ID.eq(ids.get("Bob")))), IntegrityViolationException.class);
        assertThat(update.kind()).isEqualTo(Kind.FOREIGN_KEY);
        assertThat(db.count(select(Purchase.class).where(Purchase_.CUSTOMER_ID.eq(ids.get("Bob")))).join()).isEqualTo(2L);
    }

    @OnEachDatabase
    @RequiresCapability(Capability.ENFORCED_LENGTHS)
    void textLongerThanItsColumnIsRejectedAndNothingIsStored(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        var tooLong = failure(db.execute(insert(Customer.class).values(new Customer("x".repeat(101), null))),
                OspreyException.class);
        assertThat(tooLong.sqlState()).isEqualTo("22001");
        db.execute(insert(Customer.class).values(new Customer("x".repeat(100), null))).join();
        var byUpdate = failure(db.execute(update(Customer.class).set(Customer_.NAME, Customer_.NAME.concat("y")).all()),
                OspreyException.class);
        assertThat(byUpdate.sqlState()).isEqualTo("22001");
        assertThat(db.scalars(select(Customer_.NAME)).join()).containsExactly("x".repeat(100));
    }

    @OnEachDatabase
    void aFailedStatementTellsItsSqlButNotItsValues(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        db.execute(insert(Customer.class).values(new Customer("Ann", "secret-ann@example.com"))).join();
        var e = failure(db.execute(insert(Customer.class).values(new Customer("Ann", "secret-ann@example.com"))),
                IntegrityViolationException.class);
        assertThat(e.sql()).containsIgnoringCase("insert").contains("st_customers");
        assertThat(e.sql()).doesNotContain("secret-ann");
        assertThat(e.getMessage()).doesNotContain("secret-ann");
    }

    @OnEachDatabase
    void cancellingABigSelectLeavesThePoolHealthy(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new Customer("c" + i, null, i));
        }
        db.execute(insert(Customer.class).values(many)).join();
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            purchases.add(new Purchase(many.get(i % 3).id, "p" + i, new BigDecimal(i)));
        }
        db.execute(insert(Purchase.class).values(purchases)).join();

        var big = select(Customer_.NAME, Purchase_.TITLE, Purchase_.AMOUNT)
                .join(Purchase.class).on(Purchase_.CUSTOMER_ID.ne(Customer_.ID));   // 300 x 300 - 300 rows
        List<CompletableFuture<?>> cancelled = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CompletableFuture<?> running = i % 2 == 0 ? db.execute(big) : db.scalars(big);
            running.cancel(true);
            cancelled.add(running);
        }
        assertThat(cancelled).allSatisfy(f -> assertThat(f).isCancelled());
        assertThat(t.awaitIdle(Duration.ofSeconds(10))).as("every connection back in the pool").isTrue();

        assertThat(db.scalars(big).join()).hasSize(300 * 300 - 300);
        assertThat(db.count(big).join()).isEqualTo(300L * 300 - 300);
        db.execute(insert(Customer.class).values(new Customer("after", null))).join();
        assertThat(customers(db)).isEqualTo(301L);
    }

    @Test
    void anIntoRecordOfTheWrongShapeIsRefusedAtOnce() {
        assertThatThrownBy(() -> select(Customer_.NAME, Customer_.VISITS, Customer_.SCORE)
                .into(NameAndVisits.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> select(Customer.class).into(NameAndVisits.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
