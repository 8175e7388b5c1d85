package dev.osprey.internal.engine;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.Session;
import dev.osprey.StaleObjectException;
import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.query.UpdateStatement;
import dev.osprey.internal.sql.StatementRenderer;
import dev.osprey.query.Update;
import dev.osprey.repository.model.Gadget;
import dev.osprey.repository.model.Gadget_;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.time.Instant;
import java.util.List;

import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flush's update of one entity ({@link StatementExecutor#updateRow}): the SQL and binds the statement
 * tree would give, its text kept per entity and set of changed attributes.
 */
class RowUpdateTest {

    private static SqlStatement rendered(TestDb t, Update<Gadget> update) {
        return new StatementRenderer(t.dialect()).update((UpdateStatement<Gadget>) update);
    }

    private static Gadget stored(Database db, long id) {
        return db.scalars(select(Gadget.class).where(Gadget_.ID.eq(id))).join().getFirst();
    }

    private static List<Integer> updates(StatementRecorder recorder) {
        List<Integer> at = new java.util.ArrayList<>();
        for (int i = 0; i < recorder.started.size(); i++) {
            if (recorder.started.get(i).startsWith("UPDATE")) {
                at.add(i);
            }
        }
        return at;
    }

    @OnEachDatabase
    void aFlushedUpdateIsTheStatementItsTreeRendersWithTheSameValues(TestDb t) {
        t.db().schema().dropAll(Gadget.class).join();
        t.db().schema().createAll(Gadget.class).join();
        var recorder = new StatementRecorder();
        Database db = t.open(Config.builder().listener(recorder).build());
        var gadget = new Gadget("kettle", "K-1", 3);
        db.transaction(s -> {
            s.add(gadget);
            return s.flush();
        }).join();
        Instant released = Instant.parse("2026-01-02T03:04:05.123456Z");

        for (int round = 0; round < 2; round++) {   // the second finds the text kept by the first
            String name = "kettle " + round;
            Instant at = released.plusSeconds(round);
            try (Session s = db.session()) {
                Gadget read = s.get(Gadget.class, gadget.id).join();
                read.name = name;
                read.releasedAt = at;
                s.commit().join();
            }
            SqlStatement expected = rendered(t, update(Gadget.class).set(Gadget_.NAME, name)
                    .set(Gadget_.RELEASED_AT, at).set(Gadget_.VERSION, round + 1L)
                    .where(Gadget_.ID.eq(gadget.id), Gadget_.VERSION.eq((long) round)));
            int last = updates(recorder).getLast();
            assertThat(recorder.started.get(last)).isEqualTo(expected.sql());
            assertThat(recorder.binds.get(last)).isEqualTo(expected.binds());
        }

        try (Session s = db.session()) {   // another set of columns, one of them to NULL
            Gadget read = s.get(Gadget.class, gadget.id).join();
            read.releasedAt = null;
            read.stock = 7;
            s.commit().join();
        }
        SqlStatement expected = rendered(t, update(Gadget.class).set(Gadget_.STOCK, 7).setNull(Gadget_.RELEASED_AT)
                .set(Gadget_.VERSION, 3L).where(Gadget_.ID.eq(gadget.id), Gadget_.VERSION.eq(2L)));
        int last = updates(recorder).getLast();
        assertThat(recorder.started.get(last)).isEqualTo(expected.sql());
        assertThat(recorder.binds.get(last)).containsExactlyElementsOf(expected.binds());

        Gadget stored = stored(db, gadget.id);
        assertThat(stored.name).isEqualTo("kettle 1");
        assertThat(stored.releasedAt).isNull();
        assertThat(stored.stock).isEqualTo(7);
        assertThat(stored.version).isEqualTo(3L);
    }

    @OnEachDatabase
    void aKeptTextStillChecksTheVersion(TestDb t) {
        t.db().schema().dropAll(Gadget.class).join();
        t.db().schema().createAll(Gadget.class).join();
        Database db = t.db();
        var gadget = new Gadget("kettle", "K-1", 3);
        db.transaction(s -> {
            s.add(gadget);
            return s.flush();
        }).join();
        try (Session s = db.session()) {
            s.get(Gadget.class, gadget.id).join().name = "mine";
            s.commit().join();
        }
        try (Session s = db.session()) {
            Gadget read = s.get(Gadget.class, gadget.id).join();
            s.rollback().join();   // lets SQLite's single writer go for the statement below
            db.execute(update(Gadget.class).set(Gadget_.STOCK, 9).set(Gadget_.VERSION, 5L)
                    .where(Gadget_.ID.eq(gadget.id))).join();   // someone else writes the row meanwhile
            read.name = "theirs";   // the same shape as the update before: its text is kept
            assertThatThrownBy(() -> s.commit().join()).hasCauseInstanceOf(StaleObjectException.class);
        }
        assertThat(stored(db, gadget.id).name).isEqualTo("mine");
    }
}
