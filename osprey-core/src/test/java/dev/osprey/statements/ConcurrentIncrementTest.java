package dev.osprey.statements;

import dev.osprey.Database;
import dev.osprey.statements.shop.Customer;
import dev.osprey.statements.shop.Customer_;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code set(VISITS, VISITS.plus(1))} is evaluated by the database, so concurrent increments of
 * one row lose no update: the Django {@code F("count") + 1} guarantee, on every database.
 */
class ConcurrentIncrementTest {

    @OnEachDatabase
    void aThousandConcurrentIncrementsOfOneRowAddExactlyAThousand(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        Customer target = new Customer("Target", "target@example.com", 7);
        Customer bystander = new Customer("Bystander", "bystander@example.com", 7);
        db.execute(insert(Customer.class).values(List.of(target, bystander))).join();

        int increments = 1_000;
        List<CompletableFuture<Long>> running = new ArrayList<>(increments);
        for (int i = 0; i < increments; i++) {
            running.add(db.execute(update(Customer.class)
                    .set(Customer_.VISITS, Customer_.VISITS.plus(1))
                    .where(Customer_.ID.eq(target.id))));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();

        assertThat(running).allSatisfy(f -> assertThat(f.join()).as("rows changed by one increment").isEqualTo(1L));
        assertThat(db.scalar(select(Customer_.VISITS).where(Customer_.ID.eq(target.id))).join()).isEqualTo(7 + increments);
        assertThat(db.scalar(select(Customer_.VISITS).where(Customer_.ID.eq(bystander.id))).join()).isEqualTo(7);

        assertThat(t.awaitIdle(Duration.ofSeconds(10))).as("every connection back in the pool").isTrue();
        assertThat(db.scalar(select(count()).from(Customer.class)).join()).isEqualTo(2L);
    }

    @OnEachDatabase
    void concurrentIncrementsOfDifferentRowsDoNotDisturbEachOther(TestDb t) {
        Shop.recreate(t);
        Database db = t.db();
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add(new Customer("c" + i, null, 0));
        }
        db.execute(insert(Customer.class).values(customers)).join();

        List<CompletableFuture<Long>> running = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            for (Customer c : customers) {
                running.add(db.execute(update(Customer.class)
                        .set(Customer_.VISITS, Customer_.VISITS.plus(2))
                        .where(Customer_.ID.eq(c.id))));
            }
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();

        assertThat(db.scalars(select(Customer_.VISITS)).join()).hasSize(10).containsOnly(100);
    }
}
