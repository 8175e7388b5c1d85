package dev.osprey.internal.engine;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.Driver.Mode;
import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@link InsertPlan} cuts inserts into statements, when it needs a transaction, and where the
 * generated ids come from: {@code RETURNING}, or the generated keys of a batch where a database
 * has no RETURNING (MySQL), played here by {@link WithoutReturning} on each test database.
 */
class InsertPlanTest {

    private static Database recreate(TestDb t, StatementRecorder recorder, Class<?>... entities) {
        t.db().schema().dropAll(entities).join();
        t.db().schema().createAll(entities).join();
        return t.open(Config.builder().listener(recorder).build());
    }

    private static List<Note> notes(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Note(String.format("n%05d", i), i)).toList();
    }

    private static Driver driver(Database db) {
        return ((Engine) db).driver();
    }

    /** Runs {@code statement} as MySQL would: rendered and planned for a database without RETURNING. */
    private static long withoutReturning(TestDb t, Database db, Mutation statement) {
        Call<Long> call = new StatementExecutor(new WithoutReturning(t.dialect())).mutation(statement);
        return driver(db).run(call.mode(), call.work()).join();
    }

    private static <R> List<R> withoutReturning(TestDb t, Database db, Query<R> query) {
        Call<List<R>> call = new StatementExecutor(new WithoutReturning(t.dialect())).query(query);
        return driver(db).run(call.mode(), call.work()).join();
    }

    /** Each note's id as stored, by its text. */
    private static Map<String, Long> storedIds(Database db) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (var row : db.scalars(select(Note_.TEXT, Note_.ID).orderBy(Note_.ID.asc())).join()) {
            ids.put(row.get(Note_.TEXT), row.get(Note_.ID));
        }
        return ids;
    }

    private static void assertIdsAreTheStoredOnes(List<Note> notes, Database db) {
        Map<String, Long> stored = storedIds(db);
        assertThat(notes).allSatisfy(note -> assertThat(note.id).as(note.text).isEqualTo(stored.get(note.text)));
        assertThat(notes).extracting(note -> note.id).doesNotHaveDuplicates().isSorted();
    }

    @OnEachDatabase
    void equalChunksShareTheirSqlAndEveryEntityGetsItsId(TestDb t) {
        var recorder = new StatementRecorder();
        Database db = recreate(t, recorder, Note.class);
        List<Note> notes = notes(2_500);

        long rows = db.execute(insert(Note.class).values(notes)).join();

        assertThat(rows).isEqualTo(2_500);
        List<String> inserts = recorder.inserts();
        assertThat(inserts).as("1000 + 1000 + 500 rows").hasSize(3);
        assertThat(inserts.get(1)).isEqualTo(inserts.get(0));
        assertThat(inserts.get(2)).isNotEqualTo(inserts.get(0));
        assertThat(recorder.binds.get(recorder.started.indexOf(inserts.get(2)))).hasSize(500 * 2);
        assertIdsAreTheStoredOnes(notes, db);
    }

    @OnEachDatabase
    void onlyAnInsertOfSeveralStatementsNeedsATransaction(TestDb t) {
        var executor = new StatementExecutor(t.dialect());

        assertThat(executor.mutation(insert(Note.class).values(notes(1_000))).mode()).isEqualTo(Mode.AUTOCOMMIT);
        assertThat(executor.mutation(insert(Note.class).values(notes(1_001))).mode()).isEqualTo(Mode.TRANSACTION);
        assertThat(executor.mutation(insert(Tick.class).values(new Tick())).mode()).isEqualTo(Mode.AUTOCOMMIT);
        assertThat(executor.mutation(insert(Tick.class).values(List.of(new Tick(), new Tick()))).mode())
                .isEqualTo(Mode.TRANSACTION);
    }

    @OnEachDatabase
    void anEntityOfOnlyAGeneratedIdIsInsertedOneRowPerStatement(TestDb t) {
        var recorder = new StatementRecorder();
        Database db = recreate(t, recorder, Tick.class);
        List<Tick> ticks = List.of(new Tick(), new Tick(), new Tick());

        assertThat(db.execute(insert(Tick.class).values(ticks)).join()).isEqualTo(3);

        assertThat(recorder.inserts()).hasSize(3);
        List<Long> stored = db.scalars(select(Tick_.ID).orderBy(Tick_.ID.asc())).join();
        assertThat(ticks).extracting(tick -> tick.id).containsExactlyElementsOf(stored).doesNotContainNull();
    }

    @OnEachDatabase
    void mapRowsWithTheSameKeysInAnyOrderShareOneStatement(TestDb t) {
        var recorder = new StatementRecorder();
        Database db = recreate(t, recorder, Note.class);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("text", "a");
        first.put("rank", 1);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("rank", 2);
        second.put("text", "b");

        assertThat(db.execute(insert(Note.class).values(List.of(first, second))).join()).isEqualTo(2);

        assertThat(recorder.inserts()).hasSize(1);
        assertThat(db.scalars(select(Note_.RANK).orderBy(Note_.TEXT.asc())).join()).containsExactly(1, 2);
    }

    @OnEachDatabase
    void aPrimitiveGeneratedIdOfZeroIsGeneratedAndSet(TestDb t) {
        Database db = recreate(t, new StatementRecorder(), Counter.class);
        List<Counter> counters = List.of(new Counter(7), new Counter(8));

        db.execute(insert(Counter.class).values(counters)).join();

        List<Long> stored = db.scalars(select(Counter_.ID).orderBy(Counter_.VALUE.asc())).join();
        assertThat(counters).extracting(counter -> counter.id).containsExactlyElementsOf(stored).doesNotContain(0L);
    }

    @OnEachDatabase
    void returningAlsoSetsTheGeneratedIdsOfTheInsertedEntities(TestDb t) {
        Database db = recreate(t, new StatementRecorder(), Note.class);
        List<Note> notes = notes(3);

        List<String> texts = db.scalars(insert(Note.class).values(notes).returning(Note_.TEXT)).join();

        assertThat(texts).containsExactlyInAnyOrder("n00000", "n00001", "n00002");
        assertIdsAreTheStoredOnes(notes, db);
    }

    @OnEachDatabase
    void withoutReturningIdsComeFromTheGeneratedKeysOfABatch(TestDb t) {
        var recorder = new StatementRecorder();
        Database db = recreate(t, recorder, Note.class);
        Note given = new Note("given", 0);
        given.id = 1_000L;
        List<Object> rows = new ArrayList<>(notes(3));
        rows.add(given);
        rows.add(Map.of("text", "map", "rank", 9));
        rows.addAll(notes(5).subList(3, 5));

        long stored = withoutReturning(t, db, insert(Note.class).values(rows));

        assertThat(stored).isEqualTo(7);
        assertThat(recorder.inserts()).as("a keyed batch, the row with its id, a keyed batch")
                .hasSize(3).noneMatch(sql -> sql.contains("RETURNING"));
        assertThat(given.id).isEqualTo(1_000L);
        List<Note> notes = rows.stream().filter(Note.class::isInstance).map(Note.class::cast)
                .filter(note -> note != given).toList();
        Map<String, Long> ids = storedIds(db);
        assertThat(notes).allSatisfy(note -> assertThat(note.id).as(note.text).isEqualTo(ids.get(note.text)));
    }

    @OnEachDatabase
    void withoutReturningOnlyTheGeneratedIdCanBeReturned(TestDb t) {
        Database db = recreate(t, new StatementRecorder(), Note.class);
        List<Note> notes = notes(2);

        List<Long> ids = withoutReturning(t, db, insert(Note.class).values(notes).returning(Note_.ID));

        assertThat(ids).containsExactlyElementsOf(storedIds(db).values());
        assertThat(notes).extracting(note -> note.id).containsExactlyElementsOf(ids);
        assertThatThrownBy(() -> withoutReturning(t, db, insert(Note.class).values(notes(1)).returning(Note_.TEXT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(t.dialect().name()).hasMessageContaining("RETURNING");
    }

    @OnEachDatabase
    void anInsertWithoutRowsIsRefusedAtOnce(TestDb t) {
        assertThatThrownBy(() -> t.db().execute(insert(Note.class).values(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("insert of Note has no rows");
    }
}
