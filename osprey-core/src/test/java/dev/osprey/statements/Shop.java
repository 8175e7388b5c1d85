package dev.osprey.statements;

import dev.osprey.Database;
import dev.osprey.Row;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Tier;
import dev.osprey.testkit.TestDb;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The shop fixture of the statement tests: fresh tables, and a small known data set written with
 * plain SQL (so that a broken INSERT statement does not hide what a SELECT test checks).
 *
 * <pre>
 * customer  email            visits  created_at                   tier    score  segment
 * Ada       ada@example.com  10      2024-01-01T10:00:00Z         GOLD    90     retail
 * Bob       bob@example.com   3      2024-02-01T10:00:00Z         SILVER  null   retail
 * Cyd       cyd@example.com   7      2024-03-01T10:00:00Z         BRONZE  50     wholesale
 * Dan       null              0      2024-04-01T10:00:00.000001Z  BRONZE  null   retail
 * Eve       eve@example.com   7      null                         GOLD    70     wholesale
 *
 * purchase (in id order)  customer  amount  done   due
 * Book                    Ada        12.50  true   2024-05-01
 * Lamp                    Ada        30.00  false  2024-06-01
 * 50%_off coupon          Ada         0.99  false  null
 * 50%Xoff coupon          Bob         5.00  true   2024-05-15
 * 500_off voucher         Bob       100.00  false  2024-07-01
 * Book                    Cyd        12.50  false  null
 * 5000off voucher         Cyd         1.00  false  2024-04-30
 * dir\file                Cyd         2.00  true   null
 * </pre>
 */
final class Shop {
    static final Instant ADA_CREATED = Instant.parse("2024-01-01T10:00:00Z");
    static final Instant BOB_CREATED = Instant.parse("2024-02-01T10:00:00Z");
    static final Instant CYD_CREATED = Instant.parse("2024-03-01T10:00:00Z");
    static final Instant DAN_CREATED = Instant.parse("2024-04-01T10:00:00.000001Z");

    private Shop() {
    }

    /** Drops and creates the shop's tables: empty, with fresh ids. */
    static void recreate(TestDb t) {
        t.db().schema().dropAll(Purchase.class, Customer.class).join();
        t.db().schema().createAll(Customer.class, Purchase.class).join();
    }

    /** Fresh tables with the data set above; gives the customers' ids by name. */
    static Map<String, Long> seed(TestDb t) {
        recreate(t);
        Database db = t.db();
        db.execute("INSERT INTO st_customers (name, email, visits, created_at, tier, score, segment) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?), "
                        + "(?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)",
                "Ada", "ada@example.com", 10, ADA_CREATED, Tier.GOLD.ordinal(), 90, "retail",
                "Bob", "bob@example.com", 3, BOB_CREATED, Tier.SILVER.ordinal(), null, "retail",
                "Cyd", "cyd@example.com", 7, CYD_CREATED, Tier.BRONZE.ordinal(), 50, "wholesale",
                "Dan", null, 0, DAN_CREATED, Tier.BRONZE.ordinal(), null, "retail",
                "Eve", "eve@example.com", 7, null, Tier.GOLD.ordinal(), 70, "wholesale").join();
        Map<String, Long> ids = new HashMap<>();
        for (Row row : db.query("SELECT id, name FROM st_customers").join()) {
            ids.put(row.getString("name"), row.getLong("id"));
        }
        List<Object[]> purchases = List.of(
                new Object[] {ids.get("Ada"), "Book", new BigDecimal("12.50"), true, LocalDate.of(2024, 5, 1)},
                new Object[] {ids.get("Ada"), "Lamp", new BigDecimal("30.00"), false, LocalDate.of(2024, 6, 1)},
                new Object[] {ids.get("Ada"), "50%_off coupon", new BigDecimal("0.99"), false, null},
                new Object[] {ids.get("Bob"), "50%Xoff coupon", new BigDecimal("5.00"), true, LocalDate.of(2024, 5, 15)},
                new Object[] {ids.get("Bob"), "500_off voucher", new BigDecimal("100.00"), false, LocalDate.of(2024, 7, 1)},
                new Object[] {ids.get("Cyd"), "Book", new BigDecimal("12.50"), false, null},
                new Object[] {ids.get("Cyd"), "5000off voucher", new BigDecimal("1.00"), false, LocalDate.of(2024, 4, 30)},
                new Object[] {ids.get("Cyd"), "dir\\file", new BigDecimal("2.00"), true, null});
        for (Object[] p : purchases) {   // one by one: ids ascend in this order on every database
            db.execute("INSERT INTO st_purchases (customer_id, title, amount, done, due) VALUES (?, ?, ?, ?, ?)", p)
                    .join();
        }
        return ids;
    }

    /**
     * What {@code call} threw, at once or through the future it joined (unwrapped from the
     * {@link CompletionException}): for mistakes the API does not promise to report at once.
     */
    static Throwable thrownBy(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        return thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }
}
