package dev.osprey.statements;

import dev.osprey.Database;
import dev.osprey.NoResultException;
import dev.osprey.NonUniqueResultException;
import dev.osprey.Result;
import dev.osprey.query.Predicate;
import dev.osprey.query.Select;
import dev.osprey.query.Tuple;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.statements.shop.NameAndVisits;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Purchase_;
import dev.osprey.statements.shop.Tier;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.osprey.query.Sql.and;
import static dev.osprey.query.Sql.avg;
import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.countDistinct;
import static dev.osprey.query.Sql.max;
import static dev.osprey.query.Sql.min;
import static dev.osprey.query.Sql.not;
import static dev.osprey.query.Sql.or;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Typed SELECTs give the same rows on every database: each predicate, ordering with NULLs, paging,
 * distinct, aggregates and groups, joins, the row shapes (entities, values, tuples, records) and
 * the {@link Result} accessors. The data set is {@link Shop}'s.
 */
class SelectTest {

    /** The names of the customers matching {@code conditions}, sorted (the order is not what these tests check). */
    private static List<String> customersWhere(TestDb t, Predicate... conditions) {
        return t.db().scalars(select(Customer_.NAME).where(conditions)).join().stream().sorted().toList();
    }

    /** The titles of the purchases matching {@code conditions}, in id order. */
    private static List<String> purchasesWhere(TestDb t, Predicate... conditions) {
        return t.db().scalars(select(Purchase_.TITLE).where(conditions).orderBy(Purchase_.ID.asc())).join();
    }

    private static List<String> names(List<Customer> customers) {
        return customers.stream().map(c -> c.name).toList();
    }

    // ------------------------------------------------------------------ comparisons

    @OnEachDatabase
    void eqAndNeCompareValuesAndNeNeverMatchesNull(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.NAME.eq("Ada"))).containsExactly("Ada");
        assertThat(customersWhere(t, Customer_.NAME.eq("ada"))).isEmpty();
        assertThat(customersWhere(t, Customer_.NAME.ne("Ada"))).containsExactly("Bob", "Cyd", "Dan", "Eve");
        assertThat(customersWhere(t, Customer_.SCORE.ne(90))).containsExactly("Cyd", "Eve");
    }

    @OnEachDatabase
    void eqNullIsIsNullAndNeNullIsIsNotNull(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.SCORE.eq((Integer) null))).containsExactly("Bob", "Dan");
        assertThat(customersWhere(t, Customer_.EMAIL.eq((String) null))).containsExactly("Dan");
        assertThat(customersWhere(t, Customer_.SCORE.ne((Integer) null))).containsExactly("Ada", "Cyd", "Eve");
        assertThat(customersWhere(t, Customer_.SCORE.isNull())).containsExactly("Bob", "Dan");
        assertThat(customersWhere(t, Customer_.CREATED_AT.isNull())).containsExactly("Eve");
        assertThat(customersWhere(t, Customer_.SCORE.isNotNull())).containsExactly("Ada", "Cyd", "Eve");
    }

    @OnEachDatabase
    void orderingComparisonsAndBetweenIncludeTheirBounds(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.VISITS.lt(7))).containsExactly("Bob", "Dan");
        assertThat(customersWhere(t, Customer_.VISITS.le(7))).containsExactly("Bob", "Cyd", "Dan", "Eve");
        assertThat(customersWhere(t, Customer_.VISITS.gt(7))).containsExactly("Ada");
        assertThat(customersWhere(t, Customer_.VISITS.ge(7))).containsExactly("Ada", "Cyd", "Eve");
        assertThat(customersWhere(t, Customer_.VISITS.between(3, 7))).containsExactly("Bob", "Cyd", "Eve");
        assertThat(customersWhere(t, Customer_.VISITS.between(8, 9))).isEmpty();
        assertThat(customersWhere(t, Customer_.NAME.gt("Cyd"))).containsExactly("Dan", "Eve");
    }

    @OnEachDatabase
    void columnsCompareWithOtherColumns(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.SCORE.gt(Customer_.VISITS.times(8)))).containsExactly("Ada", "Eve");
        assertThat(customersWhere(t, Customer_.VISITS.eq(Customer_.VISITS))).hasSize(5);
    }

    @OnEachDatabase
    void instantsAreComparedInTimeOrderToTheMicrosecond(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.CREATED_AT.lt(Shop.BOB_CREATED))).containsExactly("Ada");
        assertThat(customersWhere(t, Customer_.CREATED_AT.ge(Shop.CYD_CREATED))).containsExactly("Cyd", "Dan");
        assertThat(customersWhere(t, Customer_.CREATED_AT.gt(Instant.parse("2024-04-01T10:00:00Z"))))
                .containsExactly("Dan");
        assertThat(customersWhere(t, Customer_.CREATED_AT.eq(Shop.DAN_CREATED))).containsExactly("Dan");
        assertThat(customersWhere(t, Customer_.CREATED_AT.between(Shop.BOB_CREATED, Shop.CYD_CREATED)))
                .containsExactly("Bob", "Cyd");
        Customer dan = t.db().execute(select(Customer.class).where(Customer_.NAME.eq("Dan"))).join().one();
        assertThat(dan.createdAt).isEqualTo(Shop.DAN_CREATED);
    }

    @OnEachDatabase
    void localDatesAreComparedAsDates(TestDb t) {
        Shop.seed(t);
        assertThat(purchasesWhere(t, Purchase_.DUE.lt(LocalDate.of(2024, 6, 1))))
                .containsExactly("Book", "50%Xoff coupon", "5000off voucher");
        assertThat(purchasesWhere(t, Purchase_.DUE.between(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1))))
                .containsExactly("Book", "Lamp", "50%Xoff coupon");
        assertThat(purchasesWhere(t, Purchase_.DUE.isNull())).containsExactly("50%_off coupon", "Book", "dir\\file");
        assertThat(t.db().scalar(select(max(Purchase_.DUE)).from(Purchase.class)).join())
                .isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @OnEachDatabase
    void decimalsAreComparedAsNumbersNotAsText(TestDb t) {
        Shop.seed(t);
        assertThat(purchasesWhere(t, Purchase_.AMOUNT.gt(new BigDecimal("10"))))
                .containsExactly("Book", "Lamp", "500_off voucher", "Book");
        assertThat(purchasesWhere(t, Purchase_.AMOUNT.eq(new BigDecimal("12.5")))).containsExactly("Book", "Book");
        assertThat(purchasesWhere(t, Purchase_.AMOUNT.between(new BigDecimal("1"), new BigDecimal("5"))))
                .containsExactly("50%Xoff coupon", "5000off voucher", "dir\\file");
        List<String> byAmount = t.db().scalars(select(Purchase_.TITLE).orderBy(Purchase_.AMOUNT.desc(),
                Purchase_.ID.asc())).join();
        assertThat(byAmount).containsExactly("500_off voucher", "Lamp", "Book", "Book", "50%Xoff coupon",
                "dir\\file", "5000off voucher", "50%_off coupon");
        Purchase lamp = t.db().execute(select(Purchase.class).where(Purchase_.TITLE.eq("Lamp"))).join().one();
        assertThat(lamp.amount).isEqualByComparingTo("30.00");
        assertThat(lamp.done).isFalse();
        assertThat(lamp.due).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @OnEachDatabase
    void enumsStoredByOrdinalAreComparedAndReadBack(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.TIER.eq(Tier.GOLD))).containsExactly("Ada", "Eve");
        assertThat(customersWhere(t, Customer_.TIER.in(Tier.SILVER, Tier.BRONZE))).containsExactly("Bob", "Cyd", "Dan");
        assertThat(customersWhere(t, Customer_.TIER.gt(Tier.BRONZE))).containsExactly("Ada", "Bob", "Eve");
        assertThat(t.db().scalars(select(Customer_.TIER).orderBy(Customer_.NAME.asc())).join())
                .containsExactly(Tier.GOLD, Tier.SILVER, Tier.BRONZE, Tier.BRONZE, Tier.GOLD);
        Customer bob = t.db().execute(select(Customer.class).where(Customer_.NAME.eq("Bob"))).join().one();
        assertThat(bob.tier).isEqualTo(Tier.SILVER);
        assertThat(t.db().query("SELECT tier FROM st_customers WHERE name = 'Bob'").join().getFirst()
                .getInteger("tier")).as("stored by ordinal").isEqualTo(1);
    }

    // ------------------------------------------------------------------ IN

    @OnEachDatabase
    void inAndNotInTakeListsOfValues(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.NAME.in("Ada", "Eve", "Zed"))).containsExactly("Ada", "Eve");
        assertThat(customersWhere(t, Customer_.VISITS.in(List.of(7, 0)))).containsExactly("Cyd", "Dan", "Eve");
        assertThat(customersWhere(t, Customer_.NAME.notIn("Ada", "Bob"))).containsExactly("Cyd", "Dan", "Eve");
        assertThat(customersWhere(t, Customer_.SCORE.notIn(90, 50))).as("NULL never matches NOT IN")
                .containsExactly("Eve");
    }

    @OnEachDatabase
    void anEmptyInMatchesNothingAndAnEmptyNotInMatchesEverything(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.NAME.in(List.of()))).isEmpty();
        assertThat(customersWhere(t, Customer_.NAME.notIn(List.of()))).hasSize(5);
        assertThat(customersWhere(t, or(Customer_.NAME.in(List.of()), Customer_.NAME.eq("Ada")))).containsExactly("Ada");
        assertThat(customersWhere(t, not(Customer_.NAME.in(List.of())))).hasSize(5);
        assertThat(customersWhere(t, Customer_.SCORE.notIn(List.of()))).as("even NULL scores").hasSize(5);
    }

    @OnEachDatabase
    void inAndNotInTakeASubquery(TestDb t) {
        Shop.seed(t);
        Select<Long> buyersOfDoneThings = select(Purchase_.CUSTOMER_ID).where(Purchase_.DONE.eq(true));
        assertThat(customersWhere(t, Customer_.ID.in(buyersOfDoneThings))).containsExactly("Ada", "Bob", "Cyd");
        Select<Long> buyers = select(Purchase_.CUSTOMER_ID);
        assertThat(customersWhere(t, Customer_.ID.notIn(buyers))).containsExactly("Dan", "Eve");
        Select<Long> bigSpenders = select(Purchase_.CUSTOMER_ID).where(Purchase_.AMOUNT.ge(new BigDecimal("50")));
        assertThat(customersWhere(t, Customer_.ID.in(bigSpenders), Customer_.VISITS.lt(5))).containsExactly("Bob");
    }

    // ------------------------------------------------------------------ LIKE

    @OnEachDatabase
    void likeIsCaseSensitiveAndIlikeIsNot(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, Customer_.NAME.like("A%"))).containsExactly("Ada");
        assertThat(customersWhere(t, Customer_.NAME.like("a%"))).isEmpty();
        assertThat(customersWhere(t, Customer_.NAME.like("_ob"))).containsExactly("Bob");
        assertThat(customersWhere(t, Customer_.NAME.like("%D%"))).containsExactly("Dan");
        assertThat(customersWhere(t, Customer_.NAME.notLike("%a%"))).containsExactly("Bob", "Cyd", "Eve");
        assertThat(customersWhere(t, Customer_.NAME.ilike("a%"))).containsExactly("Ada");
        assertThat(customersWhere(t, Customer_.NAME.ilike("%D%"))).containsExactly("Ada", "Cyd", "Dan");
        assertThat(customersWhere(t, Customer_.EMAIL.ilike("BOB@%"))).containsExactly("Bob");
        assertThat(customersWhere(t, Customer_.NAME.containsIgnoreCase("YD"))).containsExactly("Cyd");
        assertThat(customersWhere(t, Customer_.NAME.contains("YD"))).isEmpty();
    }

    @OnEachDatabase
    void aBackslashInALikePatternMakesTheNextCharacterLiteral(TestDb t) {
        Shop.seed(t);
        assertThat(purchasesWhere(t, Purchase_.TITLE.like("50\\%%"))).containsExactly("50%_off coupon", "50%Xoff coupon");
        assertThat(purchasesWhere(t, Purchase_.TITLE.like("50%\\_off%"))).containsExactly("50%_off coupon", "500_off voucher");
        assertThat(purchasesWhere(t, Purchase_.TITLE.like("dir\\\\f%"))).containsExactly("dir\\file");
        assertThat(purchasesWhere(t, Purchase_.TITLE.like("50%off%")))
                .containsExactly("50%_off coupon", "50%Xoff coupon", "500_off voucher", "5000off voucher");
    }

    @OnEachDatabase
    void startsWithEndsWithAndContainsTakeWildcardsLiterally(TestDb t) {
        Shop.seed(t);
        assertThat(purchasesWhere(t, Purchase_.TITLE.startsWith("50%_off"))).containsExactly("50%_off coupon");
        assertThat(purchasesWhere(t, Purchase_.TITLE.startsWith("50"))).containsExactly("50%_off coupon",
                "50%Xoff coupon", "500_off voucher", "5000off voucher");
        assertThat(purchasesWhere(t, Purchase_.TITLE.endsWith("_off voucher"))).containsExactly("500_off voucher");
        assertThat(purchasesWhere(t, Purchase_.TITLE.contains("%_"))).containsExactly("50%_off coupon");
        assertThat(purchasesWhere(t, Purchase_.TITLE.contains("%"))).containsExactly("50%_off coupon", "50%Xoff coupon");
        assertThat(purchasesWhere(t, Purchase_.TITLE.contains("\\"))).containsExactly("dir\\file");
        assertThat(purchasesWhere(t, Purchase_.TITLE.startsWith("dir\\f"))).containsExactly("dir\\file");
        assertThat(purchasesWhere(t, Purchase_.TITLE.startsWith("book"))).isEmpty();
    }

    // ------------------------------------------------------------------ logic

    @OnEachDatabase
    void andOrAndNotCombineConditionsWithTheirOwnPrecedence(TestDb t) {
        Shop.seed(t);
        assertThat(customersWhere(t, and(Customer_.TIER.eq(Tier.GOLD), Customer_.VISITS.gt(8)))).containsExactly("Ada");
        assertThat(customersWhere(t, or(Customer_.NAME.eq("Bob"), Customer_.VISITS.eq(0)))).containsExactly("Bob", "Dan");
        assertThat(customersWhere(t, not(Customer_.TIER.eq(Tier.BRONZE)))).containsExactly("Ada", "Bob", "Eve");
        assertThat(customersWhere(t, Customer_.TIER.eq(Tier.BRONZE).not())).containsExactly("Ada", "Bob", "Eve");
        Predicate ada = Customer_.NAME.eq("Ada");
        Predicate bob = Customer_.NAME.eq("Bob");
        Predicate few = Customer_.VISITS.lt(5);
        assertThat(customersWhere(t, ada.or(bob).and(few))).containsExactly("Bob");
        assertThat(customersWhere(t, ada.or(bob.and(few)))).containsExactly("Ada", "Bob");
        assertThat(customersWhere(t, ada.and(bob.or(few)))).isEmpty();
        assertThat(customersWhere(t, and(or(ada, bob), few))).containsExactly("Bob");
        assertThat(customersWhere(t, not(or(Customer_.NAME.eq("Ada"), Customer_.NAME.eq("Bob")))))
                .containsExactly("Cyd", "Dan", "Eve");
        assertThat(customersWhere(t, and())).as("an empty AND is true").hasSize(5);
        assertThat(customersWhere(t, or())).as("an empty OR is false").isEmpty();
    }

    @OnEachDatabase
    void whereCalledTwiceRequiresBothConditions(TestDb t) {
        Shop.seed(t);
        List<Customer> rows = t.db().scalars(select(Customer.class)
                .where(Customer_.TIER.eq(Tier.GOLD))
                .where(Customer_.VISITS.lt(8))).join();
        assertThat(names(rows)).containsExactly("Eve");
        assertThat(customersWhere(t, Customer_.TIER.eq(Tier.GOLD), Customer_.VISITS.lt(8))).containsExactly("Eve");
    }

    // ------------------------------------------------------------------ ordering and paging

    @OnEachDatabase
    void orderByAscendingAndDescendingWithTieBreakers(TestDb t) {
        Shop.seed(t);
        List<Customer> rows = t.db().scalars(select(Customer.class)
                .orderBy(Customer_.VISITS.desc(), Customer_.NAME.asc())).join();
        assertThat(names(rows)).containsExactly("Ada", "Cyd", "Eve", "Bob", "Dan");
        List<String> byTwoCalls = t.db().scalars(select(Customer_.NAME)
                .orderBy(Customer_.VISITS.asc())
                .orderBy(Customer_.NAME.desc())).join();
        assertThat(byTwoCalls).containsExactly("Dan", "Bob", "Eve", "Cyd", "Ada");
    }

    @OnEachDatabase
    void nullsFirstAndNullsLastPutNullsInTheSamePlaceOnEveryDatabase(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(db.scalars(select(Customer_.NAME).orderBy(Customer_.SCORE.asc().nullsFirst(), Customer_.NAME.asc()))
                .join()).containsExactly("Bob", "Dan", "Cyd", "Eve", "Ada");
        assertThat(db.scalars(select(Customer_.NAME).orderBy(Customer_.SCORE.asc().nullsLast(), Customer_.NAME.asc()))
                .join()).containsExactly("Cyd", "Eve", "Ada", "Bob", "Dan");
        assertThat(db.scalars(select(Customer_.NAME).orderBy(Customer_.SCORE.desc().nullsFirst(), Customer_.NAME.asc()))
                .join()).containsExactly("Bob", "Dan", "Ada", "Eve", "Cyd");
        assertThat(db.scalars(select(Customer_.NAME).orderBy(Customer_.SCORE.desc().nullsLast(), Customer_.NAME.asc()))
                .join()).containsExactly("Ada", "Eve", "Cyd", "Bob", "Dan");
        assertThat(db.scalars(select(Customer_.NAME).orderBy(Customer_.CREATED_AT.desc().nullsLast())).join())
                .containsExactly("Dan", "Cyd", "Bob", "Ada", "Eve");
    }

    @OnEachDatabase
    void limitAndOffsetSliceTheOrderedRows(TestDb t) {
        Shop.seed(t);
        Select<String> byName = select(Customer_.NAME).orderBy(Customer_.NAME.asc());
        assertThat(t.db().scalars(byName.limit(2)).join()).containsExactly("Ada", "Bob");
        assertThat(t.db().scalars(byName.limit(2).offset(1)).join()).containsExactly("Bob", "Cyd");
        assertThat(t.db().scalars(byName.offset(3)).join()).containsExactly("Dan", "Eve");
        assertThat(t.db().scalars(byName.limit(0)).join()).isEmpty();
        assertThat(t.db().scalars(byName.limit(10).offset(10)).join()).isEmpty();
    }

    @OnEachDatabase
    void pagesAreCountedFromOneAndAPagePastTheEndIsEmpty(TestDb t) {
        Shop.seed(t);
        Select<String> byName = select(Customer_.NAME).orderBy(Customer_.NAME.asc());
        assertThat(t.db().scalars(byName.page(1, 2)).join()).containsExactly("Ada", "Bob");
        assertThat(t.db().scalars(byName.page(2, 2)).join()).containsExactly("Cyd", "Dan");
        assertThat(t.db().scalars(byName.page(3, 2)).join()).containsExactly("Eve");
        assertThat(t.db().scalars(byName.page(4, 2)).join()).isEmpty();
        assertThat(t.db().count(byName.page(1, 2)).join()).isEqualTo(2L);
        assertThatThrownBy(() -> byName.page(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byName.page(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byName.limit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @OnEachDatabase
    void distinctRemovesDuplicateRows(TestDb t) {
        Shop.seed(t);
        assertThat(t.db().scalars(select(Customer_.TIER).distinct().orderBy(Customer_.TIER.asc())).join())
                .containsExactly(Tier.BRONZE, Tier.SILVER, Tier.GOLD);
        assertThat(t.db().scalars(select(Purchase_.TITLE).distinct().where(Purchase_.TITLE.eq("Book"))).join())
                .containsExactly("Book");
        List<Tuple> pairs = t.db().scalars(select(Customer_.SEGMENT, Customer_.VISITS).distinct()).join();
        assertThat(pairs).extracting(Tuple::toList).containsExactlyInAnyOrder(
                List.of("retail", 10), List.of("retail", 3), List.of("wholesale", 7), List.of("retail", 0));
        assertThat(t.db().count(select(Customer_.VISITS).distinct()).join()).isEqualTo(4L);
    }

    // ------------------------------------------------------------------ aggregates

    @OnEachDatabase
    void aggregatesCountSumAverageAndFindExtremes(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(db.scalar(select(count()).from(Customer.class)).join()).isEqualTo(5L);
        assertThat(db.scalar(select(count(Customer_.SCORE))).join()).as("count(col) skips NULLs").isEqualTo(3L);
        assertThat(db.scalar(select(countDistinct(Customer_.VISITS))).join()).isEqualTo(4L);
        assertThat(db.scalar(select(sum(Customer_.VISITS))).join()).isEqualTo(27);
        assertThat(db.scalar(select(avg(Customer_.VISITS))).join()).isCloseTo(5.4, within(1e-9));
        assertThat(db.scalar(select(avg(Customer_.SCORE))).join()).as("NULLs are left out").isCloseTo(70.0, within(1e-9));
        assertThat(db.scalar(select(min(Customer_.VISITS))).join()).isZero();
        assertThat(db.scalar(select(max(Customer_.NAME))).join()).isEqualTo("Eve");
        assertThat(db.scalar(select(min(Customer_.CREATED_AT))).join()).isEqualTo(Shop.ADA_CREATED);
        assertThat(db.scalar(select(max(Customer_.TIER))).join()).isEqualTo(Tier.GOLD);
        assertThat(db.scalar(select(sum(Purchase_.AMOUNT))).join()).isEqualByComparingTo("163.99");
        assertThat(db.scalar(select(max(Purchase_.AMOUNT))).join()).isEqualByComparingTo("100.00");
        assertThat(db.scalar(select(min(Purchase_.AMOUNT))).join()).isEqualByComparingTo("0.99");

        Tuple all = db.execute(select(count(), sum(Customer_.VISITS), max(Customer_.SCORE))
                .where(Customer_.SEGMENT.eq("retail"))).join().one();
        assertThat(all.toList()).containsExactly(3L, 13, 90);
    }

    @OnEachDatabase
    void aggregatesOfNoRowsAreZeroOrNull(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        Predicate nobody = Customer_.NAME.eq("Zed");
        assertThat(db.scalar(select(count()).from(Customer.class).where(nobody)).join()).isZero();
        assertThat(db.scalar(select(sum(Customer_.VISITS)).where(nobody)).join()).isNull();
        assertThat(db.scalar(select(avg(Customer_.VISITS)).where(nobody)).join()).isNull();
        assertThat(db.scalar(select(max(Customer_.CREATED_AT)).where(nobody)).join()).isNull();
    }

    @OnEachDatabase
    void sumsOfDecimalsAreExact(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        for (int i = 0; i < 10; i++) {
            t.db().execute("INSERT INTO st_purchases (customer_id, title, amount, done) VALUES (?, ?, ?, ?)",
                    ids.get("Eve"), "dime " + i, new BigDecimal("0.10"), false).join();
        }
        assertThat(t.db().scalar(select(sum(Purchase_.AMOUNT)).where(Purchase_.TITLE.startsWith("dime"))).join())
                .isEqualByComparingTo("1.00");
        assertThat(t.db().scalar(select(avg(Purchase_.AMOUNT)).where(Purchase_.TITLE.startsWith("dime"))).join())
                .isCloseTo(0.1, within(1e-12));
    }

    @OnEachDatabase
    void groupByWithHavingKeepsTheGroupsThatMatch(TestDb t) {
        Shop.seed(t);
        List<Tuple> tiers = t.db().scalars(select(Customer_.TIER, count(), sum(Customer_.VISITS))
                .groupBy(Customer_.TIER)
                .having(count().gt(1L))
                .orderBy(Customer_.TIER.asc())).join();
        assertThat(tiers).hasSize(2);
        assertThat(tiers.get(0).get(Customer_.TIER)).isEqualTo(Tier.BRONZE);
        assertThat(tiers.get(0).get(1)).isEqualTo(2L);
        assertThat(tiers.get(0).get(2)).isEqualTo(7);
        assertThat(tiers.get(1).get(Customer_.TIER)).isEqualTo(Tier.GOLD);
        assertThat(tiers.get(1).get(2)).isEqualTo(17);

        List<Tuple> spenders = t.db().scalars(select(Purchase_.CUSTOMER_ID, sum(Purchase_.AMOUNT))
                .where(Purchase_.DONE.eq(false))
                .groupBy(Purchase_.CUSTOMER_ID)
                .having(sum(Purchase_.AMOUNT).gt(new BigDecimal("20")))
                .orderBy(sum(Purchase_.AMOUNT).desc())).join();
        assertThat(spenders).hasSize(2);
        assertThat(spenders.get(0).get(1, BigDecimal.class)).isEqualByComparingTo("100.00");
        assertThat(spenders.get(1).get(1, BigDecimal.class)).isEqualByComparingTo("30.99");
    }

    // ------------------------------------------------------------------ joins

    @OnEachDatabase
    void anInnerJoinGivesTheEntitiesOfTheSelectedTableForEachMatch(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        List<Customer> bookBuyers = t.db().scalars(select(Customer.class)
                .join(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID))
                .where(Purchase_.TITLE.eq("Book"))
                .orderBy(Customer_.NAME.asc())).join();
        assertThat(names(bookBuyers)).containsExactly("Ada", "Cyd");
        assertThat(bookBuyers.get(0).id).isEqualTo(ids.get("Ada"));
        assertThat(bookBuyers.get(0).email).isEqualTo("ada@example.com");
        assertThat(bookBuyers.get(0).tier).isEqualTo(Tier.GOLD);

        List<Customer> everyPurchase = t.db().scalars(select(Customer.class)
                .join(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID))).join();
        assertThat(everyPurchase).hasSize(8);
        List<Customer> buyers = t.db().scalars(select(Customer.class).distinct()
                .join(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID))).join();
        assertThat(names(buyers)).containsExactlyInAnyOrder("Ada", "Bob", "Cyd");

        List<Purchase> bobs = t.db().scalars(select(Purchase.class)
                .join(Customer.class).on(Customer_.ID.eq(Purchase_.CUSTOMER_ID))
                .where(Customer_.NAME.eq("Bob"))
                .orderBy(Purchase_.ID.asc())).join();
        assertThat(bobs).extracting(p -> p.title).containsExactly("50%Xoff coupon", "500_off voucher");
        assertThat(bobs).extracting(p -> p.customerId).containsOnly(ids.get("Bob"));
    }

    @OnEachDatabase
    void aJoinSelectsColumnsOfBothTablesAsTuples(TestDb t) {
        Shop.seed(t);
        List<Tuple> done = t.db().scalars(select(Customer_.NAME, Purchase_.TITLE, Purchase_.AMOUNT)
                .join(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID))
                .where(Purchase_.DONE.eq(true))
                .orderBy(Purchase_.ID.asc())).join();
        assertThat(done).hasSize(3);
        assertThat(done).extracting(row -> row.get(Customer_.NAME)).containsExactly("Ada", "Bob", "Cyd");
        assertThat(done).extracting(row -> row.get(Purchase_.TITLE)).containsExactly("Book", "50%Xoff coupon", "dir\\file");
        assertThat(done.get(1).get(Purchase_.AMOUNT)).isEqualByComparingTo("5.00");
        assertThat(done.get(0).get(0)).isEqualTo("Ada");
        assertThat(done.get(0).size()).isEqualTo(3);
        assertThatThrownBy(() -> done.get(0).get(Customer_.EMAIL)).isInstanceOf(IllegalArgumentException.class);
    }

    @OnEachDatabase
    void aLeftJoinKeepsRowsWithoutAMatchWithNulls(TestDb t) {
        Shop.seed(t);
        List<Tuple> lonely = t.db().scalars(select(Customer_.NAME, Purchase_.TITLE)
                .leftJoin(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID))
                .where(Purchase_.ID.isNull())
                .orderBy(Customer_.NAME.asc())).join();
        assertThat(lonely).extracting(row -> row.get(Customer_.NAME)).containsExactly("Dan", "Eve");
        assertThat(lonely).extracting(row -> row.get(Purchase_.TITLE)).containsOnlyNulls();

        List<Tuple> perCustomer = t.db().scalars(select(Customer_.NAME, count(Purchase_.ID))
                .leftJoin(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID))
                .groupBy(Customer_.NAME)
                .orderBy(Customer_.NAME.asc())).join();
        assertThat(perCustomer).extracting(Tuple::toList).containsExactly(
                List.of("Ada", 3L), List.of("Bob", 2L), List.of("Cyd", 3L), List.of("Dan", 0L), List.of("Eve", 0L));

        List<Customer> all = t.db().scalars(select(Customer.class)
                .leftJoin(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID).and(Purchase_.DONE.eq(true)))
                .orderBy(Customer_.NAME.asc())).join();
        assertThat(names(all)).containsExactly("Ada", "Bob", "Cyd", "Dan", "Eve");
    }

    // ------------------------------------------------------------------ row shapes

    @OnEachDatabase
    void selectOfOneColumnGivesPlainValues(TestDb t) {
        Shop.seed(t);
        List<Integer> visits = t.db().scalars(select(Customer_.VISITS).orderBy(Customer_.NAME.asc())).join();
        assertThat(visits).containsExactly(10, 3, 7, 0, 7);
        List<Integer> scores = t.db().scalars(select(Customer_.SCORE).orderBy(Customer_.NAME.asc())).join();
        assertThat(scores).containsExactly(90, null, 50, null, 70);
        List<Boolean> done = t.db().scalars(select(Purchase_.DONE).orderBy(Purchase_.ID.asc())).join();
        assertThat(done).containsExactly(true, false, false, true, false, false, false, true);
    }

    @OnEachDatabase
    void selectOfAnEntityReadsEveryField(TestDb t) {
        Map<String, Long> ids = Shop.seed(t);
        List<Customer> customers = t.db().scalars(select(Customer.class).orderBy(Customer_.ID.asc())).join();
        assertThat(customers).hasSize(5);
        Customer bob = customers.stream().filter(c -> c.name.equals("Bob")).findFirst().orElseThrow();
        assertThat(bob.id).isEqualTo(ids.get("Bob"));
        assertThat(bob.email).isEqualTo("bob@example.com");
        assertThat(bob.visits).isEqualTo(3);
        assertThat(bob.createdAt).isEqualTo(Shop.BOB_CREATED);
        assertThat(bob.tier).isEqualTo(Tier.SILVER);
        assertThat(bob.score).isNull();
        assertThat(bob.segment).isEqualTo("retail");
        assertThat(customers).extracting(c -> c.id).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @OnEachDatabase
    void intoMakesRecordsFromTheSelectedColumns(TestDb t) {
        Shop.seed(t);
        List<NameAndVisits> rows = t.db().scalars(select(Customer_.NAME, Customer_.VISITS)
                .where(Customer_.VISITS.ge(7))
                .orderBy(Customer_.NAME.asc())
                .into(NameAndVisits.class)).join();
        assertThat(rows).containsExactly(new NameAndVisits("Ada", 10), new NameAndVisits("Cyd", 7),
                new NameAndVisits("Eve", 7));
        NameAndVisits ada = t.db().execute(select(Customer_.NAME, Customer_.VISITS.plus(1))
                .where(Customer_.NAME.eq("Ada")).into(NameAndVisits.class)).join().one();
        assertThat(ada).isEqualTo(new NameAndVisits("Ada", 11));
        assertThatThrownBy(() -> select(Customer_.NAME).into(NameAndVisits.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ results and shortcuts

    @OnEachDatabase
    void oneFirstAndOneOrNullSayHowManyRowsThereWere(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        Result<Customer> ada = db.execute(select(Customer.class).where(Customer_.NAME.eq("Ada"))).join();
        assertThat(ada.one().name).isEqualTo("Ada");
        assertThat(ada.oneOrNull().name).isEqualTo("Ada");
        assertThat(ada.first().name).isEqualTo("Ada");
        assertThat(ada.all()).hasSize(1);

        Result<Customer> none = db.execute(select(Customer.class).where(Customer_.NAME.eq("Zed"))).join();
        assertThatThrownBy(none::one).isInstanceOf(NoResultException.class);
        assertThat(none.oneOrNull()).isNull();
        assertThat(none.first()).isNull();
        assertThat(none.scalar()).isNull();
        assertThat(none.all()).isEmpty();

        Result<String> golds = db.execute(select(Customer_.NAME).where(Customer_.TIER.eq(Tier.GOLD))
                .orderBy(Customer_.NAME.desc())).join();
        assertThatThrownBy(golds::one).isInstanceOf(NonUniqueResultException.class);
        assertThatThrownBy(golds::oneOrNull).isInstanceOf(NonUniqueResultException.class);
        assertThat(golds.first()).isEqualTo("Eve");
        assertThat(golds.scalar()).isEqualTo("Eve");
        assertThat(golds.scalars()).containsExactly("Eve", "Ada");
    }

    @OnEachDatabase
    void countScalarAndScalarsAreShortcutsThatGiveFutures(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(db.count(select(Customer.class).where(Customer_.TIER.eq(Tier.BRONZE))).join()).isEqualTo(2L);
        assertThat(db.count(select(Customer.class)).join()).isEqualTo(5L);
        assertThat(db.count(select(Customer.class).orderBy(Customer_.ID.asc()).limit(3)).join()).isEqualTo(3L);
        assertThat(db.count(select(Customer.class).join(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID)))
                .join()).isEqualTo(8L);
        assertThat(db.scalar(select(count()).from(Purchase.class)).join()).isEqualTo(8L);
        assertThat(db.scalar(select(Customer_.EMAIL).where(Customer_.NAME.eq("Cyd"))).join()).isEqualTo("cyd@example.com");
        assertThat(db.scalar(select(Customer_.EMAIL).where(Customer_.NAME.eq("Zed"))).join()).isNull();
        assertThat(db.scalars(select(Customer_.NAME).where(Customer_.SEGMENT.eq("wholesale"))
                .orderBy(Customer_.NAME.asc())).join()).containsExactly("Cyd", "Eve");
    }

    @OnEachDatabase
    void countCountsTheRowsOfAnySelect(TestDb t) {
        Shop.seed(t);
        Database db = t.db();
        assertThat(db.count(select(Customer_.ID, Purchase_.ID)
                .join(Purchase.class).on(Purchase_.CUSTOMER_ID.eq(Customer_.ID)))).as("two columns named id")
                .succeedsWithin(java.time.Duration.ofSeconds(10)).isEqualTo(8L);
        assertThat(db.count(select(Customer_.TIER, count()).groupBy(Customer_.TIER)).join()).isEqualTo(3L);
        assertThat(db.count(select(Customer_.TIER).distinct()).join()).isEqualTo(3L);
        assertThat(db.count(select(Customer.class).page(3, 2).orderBy(Customer_.ID.asc())).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void forUpdateReturnsTheSelectedRows(TestDb t) {
        Shop.seed(t);
        List<Customer> locked = t.db().scalars(select(Customer.class)
                .where(Customer_.TIER.eq(Tier.GOLD))
                .orderBy(Customer_.NAME.asc())
                .forUpdate()).join();
        assertThat(names(locked)).containsExactly("Ada", "Eve");
        List<String> page = t.db().scalars(select(Customer_.NAME)
                .orderBy(Customer_.NAME.asc())
                .limit(2)
                .forUpdate()).join();
        assertThat(page).containsExactly("Ada", "Bob");
    }

    @OnEachDatabase
    void aSelectCanBeKeptAndRunAgain(TestDb t) {
        Shop.seed(t);
        Select<String> gold = select(Customer_.NAME).where(Customer_.TIER.eq(Tier.GOLD)).orderBy(Customer_.NAME.asc());
        Select<String> goldAndFrequent = gold.where(Customer_.VISITS.gt(8));
        assertThat(t.db().scalars(goldAndFrequent).join()).containsExactly("Ada");
        assertThat(t.db().scalars(gold).join()).as("the first select is unchanged").containsExactly("Ada", "Eve");
        assertThat(t.db().scalars(select(Customer_.NAME).where(Customer_.TIER.eq(Tier.SILVER))).join())
                .as("same shape, other value").containsExactly("Bob");
    }
}
