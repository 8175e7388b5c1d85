package dev.osprey.repository;

import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.Page;
import dev.osprey.Repository;
import dev.osprey.Session;
import dev.osprey.repository.model.Gadget;
import dev.osprey.repository.model.Gadget_;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.set;
import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Repository} on each database: every operation through a session, paging edges, the
 * argument mistakes it refuses before any I/O, and a pool left healthy after failures. Rows are
 * checked with plain typed statements on the database, outside the session under test.
 *
 * <pre>
 * gadget  code  stock
 * Anvil   A1    5
 * Bell    B1    0
 * Clock   C1    3
 * Drum    D1    0
 * Easel   E1    8
 * </pre>
 */
class RepositoryTest {
    private static final Repository<Gadget, Long> GADGETS = Repository.of(Gadget.class, Long.class);

    /** Fresh, empty tables. */
    private static void recreate(TestDb t) {
        t.db().schema().dropAll(Gadget.class).join();
        t.db().schema().createAll(Gadget.class).join();
    }

    /** Fresh tables with the five gadgets above, inserted without a session; gives them in id order. */
    private static List<Gadget> seed(TestDb t) {
        recreate(t);
        List<Gadget> gadgets = List.of(new Gadget("Anvil", "A1", 5), new Gadget("Bell", "B1", 0),
                new Gadget("Clock", "C1", 3), new Gadget("Drum", "D1", 0), new Gadget("Easel", "E1", 8));
        t.db().execute(insert(Gadget.class).values(gadgets)).join();
        return gadgets;
    }

    /** The gadget's row as the database has it now, read without a session. */
    private static Gadget row(Database db, long id) {
        return db.scalar(select(Gadget.class).where(Gadget_.ID.eq(id))).join();
    }

    private static List<String> names(List<Gadget> gadgets) {
        return gadgets.stream().map(g -> g.name).toList();
    }

    // ------------------------------------------------------------------ create and read

    @OnEachDatabase
    void createFlushesTheEntityAndGivesItWithItsGeneratedId(TestDb t) {
        recreate(t);
        try (Session s = t.db().session()) {
            Gadget lamp = new Gadget("Lamp", "L1", 2);
            Gadget created = GADGETS.create(s, lamp).join();

            assertThat(created).isSameAs(lamp);
            assertThat(lamp.id).isNotNull();
            assertThat(GADGETS.get(s, lamp.id).join()).as("the identity map has it").isSameAs(lamp);
            s.commit().join();
        }
        assertThat(t.db().scalars(select(Gadget_.NAME)).join()).containsExactly("Lamp");
    }

    @OnEachDatabase
    void createAllInsertsEveryEntityInOneFlushAndGivesThemInOrder(TestDb t) {
        recreate(t);
        try (Session s = t.db().session()) {
            List<Gadget> created = GADGETS.createAll(s, List.of(new Gadget("Lamp", "L1", 2),
                    new Gadget("Kite", "K1", 1), new Gadget("Jar", "J1", 9))).join();

            assertThat(names(created)).containsExactly("Lamp", "Kite", "Jar");
            assertThat(created).allSatisfy(g -> assertThat(g.id).isNotNull());
            assertThat(created.get(0).id).isLessThan(created.get(1).id).isLessThan(created.get(2).id);
            s.commit().join();
        }
        assertThat(t.db().count(select(Gadget.class)).join()).isEqualTo(3L);
    }

    @OnEachDatabase
    void getGivesTheEntityWithTheIdOrNullWhenThereIsNone(TestDb t) {
        List<Gadget> seeded = seed(t);
        try (Session s = t.db().session()) {
            Gadget clock = GADGETS.get(s, seeded.get(2).id).join();

            assertThat(clock.name).isEqualTo("Clock");
            assertThat(clock.stock).isEqualTo(3);
            assertThat(GADGETS.get(s, seeded.get(2).id).join()).as("one object per row").isSameAs(clock);
            assertThat(GADGETS.get(s, seeded.get(4).id + 1000).join()).isNull();
        }
    }

    @OnEachDatabase
    void findGivesTheEntitiesMeetingEveryConditionInIdOrder(TestDb t) {
        seed(t);
        try (Session s = t.db().session()) {
            assertThat(names(GADGETS.find(s).join())).containsExactly("Anvil", "Bell", "Clock", "Drum", "Easel");
            assertThat(names(GADGETS.find(s, Gadget_.STOCK.gt(0)).join())).containsExactly("Anvil", "Clock", "Easel");
            assertThat(names(GADGETS.find(s, Gadget_.STOCK.gt(0), Gadget_.NAME.ge("Bell")).join()))
                    .containsExactly("Clock", "Easel");
            assertThat(GADGETS.find(s, Gadget_.NAME.eq("Zither")).join()).isEmpty();
        }
    }

    @OnEachDatabase
    void countAndExistsAnswerWithoutLoadingEntities(TestDb t) {
        List<Gadget> seeded = seed(t);
        try (Session s = t.db().session()) {
            assertThat(GADGETS.count(s).join()).isEqualTo(5L);
            assertThat(GADGETS.count(s, Gadget_.STOCK.eq(0)).join()).isEqualTo(2L);
            assertThat(GADGETS.count(s, Gadget_.NAME.eq("Zither")).join()).isZero();
            assertThat(GADGETS.exists(s, seeded.get(0).id).join()).isTrue();
            assertThat(GADGETS.exists(s, seeded.get(4).id + 1000).join()).isFalse();
        }
    }

    @OnEachDatabase
    void existsSeesAnEntityCreatedButNotYetCommitted(TestDb t) {
        recreate(t);
        try (Session s = t.db().session()) {
            Gadget lamp = GADGETS.create(s, new Gadget("Lamp", "L1", 2)).join();

            assertThat(GADGETS.exists(s, lamp.id).join()).isTrue();
            assertThat(GADGETS.count(s).join()).isEqualTo(1L);
        }
        assertThat(t.db().count(select(Gadget.class)).join()).as("closing rolled it back").isZero();
    }

    // ------------------------------------------------------------------ paging

    @OnEachDatabase
    void pagesCountFromOneAndCarryTheTotal(TestDb t) {
        seed(t);
        try (Session s = t.db().session()) {
            Page<Gadget> first = GADGETS.page(s, 1, 2).join();
            assertThat(names(first.items())).as("in id order without an order").containsExactly("Anvil", "Bell");
            assertThat(first.total()).isEqualTo(5L);
            assertThat(first.page()).isEqualTo(1);
            assertThat(first.size()).isEqualTo(2);
            assertThat(first.totalPages()).isEqualTo(3L);
            assertThat(first.hasNext()).isTrue();

            Page<Gadget> last = GADGETS.page(s, 3, 2).join();
            assertThat(names(last.items())).containsExactly("Easel");
            assertThat(last.hasNext()).isFalse();

            Page<Gadget> byName = GADGETS.page(s, 2, 2, Gadget_.NAME.desc()).join();
            assertThat(names(byName.items())).containsExactly("Clock", "Bell");
        }
    }

    @OnEachDatabase
    void theIdBreaksTiesSoPagesNeitherOverlapNorSkipRows(TestDb t) {
        seed(t);
        try (Session s = t.db().session()) {
            List<String> walked = new ArrayList<>();
            for (int page = 1; page <= 5; page++) {
                walked.addAll(names(GADGETS.page(s, page, 1, Gadget_.STOCK.asc()).join().items()));
            }
            assertThat(walked).containsExactly("Bell", "Drum", "Clock", "Anvil", "Easel");
        }
    }

    @OnEachDatabase
    void aPagePastTheEndIsEmptyButKeepsTheTotal(TestDb t) {
        seed(t);
        try (Session s = t.db().session()) {
            Page<Gadget> beyond = GADGETS.page(s, 4, 2).join();

            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5L);
            assertThat(beyond.page()).isEqualTo(4);
            assertThat(beyond.hasNext()).isFalse();
        }
        recreate(t);
        try (Session s = t.db().session()) {
            Page<Gadget> none = GADGETS.page(s, 1, 10).join();
            assertThat(none.items()).isEmpty();
            assertThat(none.total()).isZero();
            assertThat(none.totalPages()).isZero();
        }
    }

    @OnEachDatabase
    void pageZeroOrAnEmptyPageSizeIsRefusedAtOnce(TestDb t) {
        recreate(t);
        try (Session s = t.db().session()) {
            assertThatThrownBy(() -> GADGETS.page(s, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("page 0");
            assertThatThrownBy(() -> GADGETS.page(s, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("size 0");
            assertThat(s.inTransaction()).as("nothing ran").isFalse();
        }
    }

    // ------------------------------------------------------------------ update

    @OnEachDatabase
    void updateSetsFieldsByNameConvertingValuesAndFlushes(TestDb t) {
        List<Gadget> seeded = seed(t);
        long id = seeded.get(0).id;
        try (Session s = t.db().session()) {
            Gadget anvil = GADGETS.get(s, id).join();
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("name", "Heavy anvil");
            patch.put("stock", 12L);                                 // a Long from JSON for an int field
            patch.put("releasedAt", "2024-05-01T10:00:00Z");         // ISO text for an Instant
            patch.put("code", null);

            Gadget updated = GADGETS.update(s, anvil, patch).join();

            assertThat(updated).isSameAs(anvil);
            assertThat(anvil.stock).isEqualTo(12);
            assertThat(anvil.releasedAt).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(anvil.version).as("the flush bumped the version").isEqualTo(1L);
            s.commit().join();
        }
        Gadget row = row(t.db(), id);
        assertThat(row.name).isEqualTo("Heavy anvil");
        assertThat(row.stock).isEqualTo(12);
        assertThat(row.releasedAt).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(row.code).isNull();
        assertThat(row.version).isEqualTo(1L);
        assertThat(row(t.db(), seeded.get(1).id).name).as("other rows untouched").isEqualTo("Bell");
    }

    @OnEachDatabase
    void updateOfAnUnknownFieldIsRefusedNamingItAndTheEntityAndChangesNothing(TestDb t) {
        List<Gadget> seeded = seed(t);
        try (Session s = t.db().session()) {
            Gadget anvil = GADGETS.get(s, seeded.get(0).id).join();
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("name", "Renamed");
            patch.put("colour", "red");

            assertThatThrownBy(() -> GADGETS.update(s, anvil, patch)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'colour'").hasMessageContaining("Gadget");
            assertThat(anvil.name).as("no field is set when one change is wrong").isEqualTo("Anvil");
        }
    }

    @OnEachDatabase
    void updateWithAValueOfTheWrongTypeOrANullForANotNullFieldIsRefused(TestDb t) {
        List<Gadget> seeded = seed(t);
        try (Session s = t.db().session()) {
            Gadget anvil = GADGETS.get(s, seeded.get(0).id).join();

            assertThatThrownBy(() -> GADGETS.update(s, anvil, Map.of("stock", "plenty")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gadget.stock");
            assertThatThrownBy(() -> GADGETS.update(s, anvil, Map.of("releasedAt", List.of(1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gadget.releasedAt");
            Map<String, Object> nullName = new LinkedHashMap<>();
            nullName.put("name", null);
            assertThatThrownBy(() -> GADGETS.update(s, anvil, nullName))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 'name' of Gadget cannot be null");
            assertThatThrownBy(() -> GADGETS.update(s, anvil, Map.of("id", 99L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is its id");
            assertThatThrownBy(() -> GADGETS.update(s, anvil, Map.of("version", 7L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@Version");
            assertThat(anvil.stock).isEqualTo(5);
            assertThat(anvil.name).isEqualTo("Anvil");
        }
    }

    @OnEachDatabase
    void updateWhereSetsColumnsInTheMatchingRowsAndGivesTheCount(TestDb t) {
        List<Gadget> seeded = seed(t);
        try (Session s = t.db().session()) {
            assertThat(GADGETS.updateWhere(s, Map.of("stock", 1), Gadget_.STOCK.eq(0)).join()).isEqualTo(2L);
            assertThat(GADGETS.updateWhere(s, List.of(set(Gadget_.STOCK, Gadget_.STOCK.plus(10))),
                    Gadget_.NAME.in("Anvil", "Bell")).join()).isEqualTo(2L);
            assertThat(GADGETS.updateWhere(s, Map.of("name", "Nothing"), Gadget_.NAME.eq("Zither")).join()).isZero();
            s.commit().join();
        }
        assertThat(t.db().scalars(select(Gadget_.STOCK).orderBy(Gadget_.ID.asc())).join())
                .containsExactly(15, 11, 3, 1, 8);
        assertThat(row(t.db(), seeded.get(2).id).stock).isEqualTo(3);
    }

    @OnEachDatabase
    void updateWhereWithoutConditionsOrChangesIsRefused(TestDb t) {
        recreate(t);
        try (Session s = t.db().session()) {
            assertThatThrownBy(() -> GADGETS.updateWhere(s, Map.of("stock", 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one condition");
            assertThatThrownBy(() -> GADGETS.updateWhere(s, Map.of(), Gadget_.STOCK.eq(0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one change");
            assertThatThrownBy(() -> GADGETS.updateWhere(s, Map.of("colour", "red"), Gadget_.STOCK.eq(0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'colour'");
        }
    }

    // ------------------------------------------------------------------ delete

    @OnEachDatabase
    void deleteRemovesTheEntitysRow(TestDb t) {
        List<Gadget> seeded = seed(t);
        long id = seeded.get(1).id;
        try (Session s = t.db().session()) {
            Gadget bell = GADGETS.get(s, id).join();
            GADGETS.delete(s, bell).join();

            assertThat(GADGETS.exists(s, id).join()).isFalse();
            assertThat(GADGETS.count(s).join()).isEqualTo(4L);
            s.commit().join();
        }
        assertThat(row(t.db(), id)).isNull();
        try (Session s = t.db().session()) {
            assertThat(GADGETS.get(s, id).join()).isNull();
        }
    }

    @OnEachDatabase
    void deleteWhereRemovesTheMatchingRowsAndRefusesAnEmptyCondition(TestDb t) {
        seed(t);
        try (Session s = t.db().session()) {
            assertThatThrownBy(() -> GADGETS.deleteWhere(s)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deleteWhere of Gadget needs at least one condition");
            assertThat(GADGETS.deleteWhere(s, Gadget_.STOCK.eq(0)).join()).isEqualTo(2L);
            assertThat(GADGETS.deleteWhere(s, Gadget_.NAME.eq("Zither")).join()).isZero();
            s.commit().join();
        }
        assertThat(t.db().scalars(select(Gadget_.NAME).orderBy(Gadget_.NAME.asc())).join())
                .containsExactly("Anvil", "Clock", "Easel");
    }

    // ------------------------------------------------------------------ failures

    @OnEachDatabase
    void aFailedCreateLeavesTheSessionAndThePoolUsable(TestDb t) {
        seed(t);
        try (Session s = t.db().session()) {
            IntegrityViolationException duplicate =
                    failure(GADGETS.create(s, new Gadget("Second anvil", "A1", 1)), IntegrityViolationException.class);
            assertThat(duplicate.getMessage()).isNotBlank();
            s.rollback().join();

            Gadget lamp = GADGETS.create(s, new Gadget("Lamp", "L1", 2)).join();
            assertThat(lamp.id).isNotNull();
            s.commit().join();
        }
        for (int i = 0; i < 12; i++) {      // more rounds than the pool has connections
            try (Session s = t.db().session()) {
                failure(GADGETS.updateWhere(s, Map.of("code", "B1"), Gadget_.CODE.eq("A1")),
                        IntegrityViolationException.class);
            }
        }
        assertThat(t.awaitIdle(Duration.ofSeconds(10))).as("every connection back in the pool").isTrue();
        try (Session s = t.db().session()) {
            assertThat(GADGETS.count(s).join()).isEqualTo(6L);
            assertThat(names(GADGETS.find(s, Gadget_.CODE.eq("A1")).join())).containsExactly("Anvil");
        }
    }

    @Test
    void aRepositoryOfAClassWithoutMetamodelOrWithAnotherIdTypeIsRefused() {
        assertThatThrownBy(() -> Repository.of(String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Repository.of(Gadget.class, Integer.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Long, not a java.lang.Integer");
        assertThat(Repository.of(Gadget.class).model().table()).isEqualTo("repo_gadgets");
    }
}
