package dev.osprey.statements;

import dev.osprey.Session;
import dev.osprey.mapping.SqlType;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.statements.shop.Purchase;
import dev.osprey.statements.shop.Tier;
import dev.osprey.statements.shop.Voucher;
import dev.osprey.statements.shop.Voucher_;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionException;

import static dev.osprey.mapping.SqlType.BIGINT;
import static dev.osprey.mapping.SqlType.INTEGER;
import static dev.osprey.mapping.SqlType.VARCHAR;
import static dev.osprey.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows into entities (the row readers generated into {@code X_}): every column lands in its field,
 * whole numbers in primitive fields included; a value its field cannot hold (NULL in a primitive, a
 * number out of range) fails the read with an error naming the column and field, and the pool stays
 * usable.
 */
class EntityReadTest {

    /** {@code st_customers} made by hand, with {@code visits} (a primitive {@code int} field) of type {@code visits}. */
    private static void customersWithVisitsOf(TestDb t, String visits) {
        t.db().schema().dropAll(Purchase.class, Customer.class).join();
        t.recreate("st_customers", "id " + t.type(BIGINT) + " PRIMARY KEY, name " + t.type(VARCHAR, 100)
                + ", email " + t.type(VARCHAR, 200) + ", visits " + visits + ", created_at "
                + t.type(SqlType.TIMESTAMP_UTC) + ", tier " + t.type(INTEGER) + ", score " + t.type(INTEGER)
                + ", segment " + t.type(VARCHAR, 20));
    }

    private static void insertVisits(TestDb t, long id, Object visits) {
        t.db().execute("INSERT INTO st_customers (id, name, visits) VALUES (?, ?, ?)", id, "Ada", visits).join();
    }

    @OnEachDatabase
    void everyFieldIsReadFromItsColumn(TestDb t) {
        Shop.recreate(t);
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Customer ada = new Customer("Ada", "ada@example.com", 12);
        ada.createdAt = created;
        ada.tier = Tier.GOLD;
        ada.segment = "web";
        t.db().execute(dev.osprey.query.Sql.insert(Customer.class).values(List.of(ada, new Customer("Bob", null)))).join();

        List<Customer> read = t.db().scalars(select(Customer.class).orderBy(Customer_.ID.asc())).join();
        Customer a = read.getFirst();
        assertThat(a.id).isEqualTo(ada.id);
        assertThat(a.name).isEqualTo("Ada");
        assertThat(a.email).isEqualTo("ada@example.com");
        assertThat(a.visits).isEqualTo(12);
        assertThat(a.createdAt).isEqualTo(created);
        assertThat(a.tier).isEqualTo(Tier.GOLD);
        assertThat(a.score).isNull();
        assertThat(a.segment).isEqualTo("web");
        Customer b = read.get(1);
        assertThat(b.email).isNull();
        assertThat(b.visits).isZero();
        assertThat(b.tier).isNull();

        try (Session s = t.db().session()) {
            assertThat(s.get(Customer.class, ada.id).join().visits).isEqualTo(12);
        }
    }

    @OnEachDatabase
    void anEntityWithAPrivateConstructorIsReadFieldByField(TestDb t) {
        t.db().schema().dropAll(Voucher.class).join();
        t.db().schema().createAll(Voucher.class).join();
        Voucher gift = Voucher.of("GIFT-1", 2500);
        gift.redeemedBy = 7L;
        t.db().execute(dev.osprey.query.Sql.insert(Voucher.class).values(List.of(gift, Voucher.of("GIFT-2", 0)))).join();

        List<Voucher> read = t.db().scalars(select(Voucher.class).orderBy(Voucher_.CODE.asc())).join();
        assertThat(read).extracting(v -> v.code, v -> v.cents, v -> v.redeemedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GIFT-1", 2500, 7L),
                        org.assertj.core.groups.Tuple.tuple("GIFT-2", 0, null));
    }

    @OnEachDatabase
    void nullInAPrimitiveFieldFailsTheReadNamingColumnAndField(TestDb t) {
        customersWithVisitsOf(t, t.type(INTEGER));
        insertVisits(t, 1, null);

        assertThatThrownBy(() -> t.db().scalars(select(Customer.class)).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'visits'", "NULL", "primitive");
        try (Session s = t.db().session()) {
            assertThatThrownBy(() -> s.get(Customer.class, 1L).join()).cause()
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'visits'");
        }
        assertThat(t.db().count(select(Customer.class)).join()).isEqualTo(1L);   // the pool goes on
    }

    @OnEachDatabase
    void aNumberOutOfAFieldsRangeFailsTheRead(TestDb t) {
        customersWithVisitsOf(t, t.type(BIGINT));
        insertVisits(t, 1, 1L << 40);

        assertThatThrownBy(() -> t.db().scalars(select(Customer.class)).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'visits'", String.valueOf(1L << 40));
        assertThat(t.db().count(select(Customer.class)).join()).isEqualTo(1L);
    }

    @OnEachDatabase
    void aWholeNumberInAColumnOfAnotherTypeIsReadIntoAPrimitiveField(TestDb t) {
        customersWithVisitsOf(t, t.type(SqlType.DOUBLE));
        insertVisits(t, 1, 3.0);
        insertVisits(t, 2, -7.0);

        List<Customer> read = t.db().scalars(select(Customer.class).orderBy(Customer_.ID.asc())).join();
        assertThat(read).extracting(c -> c.visits).containsExactly(3, -7);
    }
}
