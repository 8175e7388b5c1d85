package dev.osprey.zoo;

import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;
import dev.osprey.query.Column;
import dev.osprey.query.Sql;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every supported type, through the generated metamodel, stored and read back unchanged on each
 * database: extremes, NULLs, text outside the Basic Multilingual Plane, dates far from 1970.
 */
class ModelZooTest {

    private static final String FIFTY_EAGLES = "🦅".repeat(50);   // 50 characters, 100 UTF-16 units

    private static <E> void insert(TestDb t, EntityModel<E> model, E entity) {
        List<Attribute<E, ?>> columns = model.attributes().stream().filter(a -> !a.isGenerated()).toList();
        String sql = "INSERT INTO " + t.quote(model.table()) + " ("
                + columns.stream().map(a -> t.quote(a.column())).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(a -> "?").collect(Collectors.joining(", ")) + ")";
        Object[] values = columns.stream().map(a -> a.databaseValueOf(entity)).toArray();
        assertThat(t.db().execute(sql, values).join()).isEqualTo(1);
    }

    private static <E> List<E> selectAll(TestDb t, EntityModel<E> model) {
        String sql = "SELECT " + model.attributes().stream().map(a -> t.quote(a.column()))
                .collect(Collectors.joining(", ")) + " FROM " + t.quote(model.table()) + " ORDER BY "
                + t.quote(model.id().column());
        return t.db().query(sql).join().stream().map(row -> {
            Object[] raw = new Object[row.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = row.get(i);
            }
            return model.fromDatabase(raw);
        }).toList();
    }

    /** The same rows through a typed select, where the dialect may read each column with a typed getter. */
    private static <E> List<E> selectTyped(TestDb t, EntityModel<E> model) {
        return t.db().scalars(Sql.select(model.type()).orderBy(Column.of(model, model.id()).asc())).join();
    }

    private static Animal extremes() {
        return Animal.extremes(FIFTY_EAGLES);
    }

    @OnEachDatabase
    void everyTypeRoundTripsUnchangedIncludingExtremes(TestDb t) {
        t.db().schema().dropAll(Animal.class).join();
        t.db().schema().createAll(Animal.class).join();
        EntityModel<Animal> model = EntityModel.of(Animal.class);
        Animal original = extremes();
        insert(t, model, original);

        for (Animal read : List.of(selectAll(t, model).getFirst(), selectTyped(t, model).getFirst())) {
            assertThat(read.id).isNotNull().isPositive();
            assertThat(read)
                    .usingRecursiveComparison()
                    .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
                    .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                    .ignoringFields("id", "scratch")
                    .isEqualTo(original);
            assertThat(read.offsetDateTime.getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(read.name.codePointCount(0, read.name.length())).isEqualTo(50);
            assertThat(read.scratch).isNull();
        }
        t.db().schema().dropAll(Animal.class).join();
    }

    @OnEachDatabase
    void nullsRoundTripInEveryNullableColumn(TestDb t) {
        t.db().schema().dropAll(Animal.class).join();
        t.db().schema().createAll(Animal.class).join();
        EntityModel<Animal> model = EntityModel.of(Animal.class);
        insert(t, model, new Animal("empty"));

        for (Animal read : List.of(selectAll(t, model).getFirst(), selectTyped(t, model).getFirst())) {
            assertThat(read.name).isEqualTo("empty");
            assertThat(read).hasAllNullFieldsOrPropertiesExcept("id", "name", "flag", "tiny", "small", "number", "big",
                    "real", "dbl");
            assertThat(read.number).isZero();
        }
        t.db().schema().dropAll(Animal.class).join();
    }

    @OnEachDatabase
    void zerosAndFalseAreNotReadAsNull(TestDb t) {
        t.db().schema().dropAll(Animal.class).join();
        t.db().schema().createAll(Animal.class).join();
        EntityModel<Animal> model = EntityModel.of(Animal.class);
        Animal zeros = new Animal("zeros");
        zeros.boxedFlag = false;
        zeros.boxedTiny = 0;
        zeros.boxedSmall = 0;
        zeros.boxedNumber = 0;
        zeros.boxedBig = 0L;
        zeros.boxedReal = 0f;
        zeros.boxedDbl = 0d;
        zeros.moodOrdinal = Mood.values()[0];
        insert(t, model, zeros);

        for (Animal read : List.of(selectAll(t, model).getFirst(), selectTyped(t, model).getFirst())) {
            assertThat(read.boxedFlag).isFalse();
            assertThat(read.boxedTiny).isZero();
            assertThat(read.boxedSmall).isZero();
            assertThat(read.boxedNumber).isZero();
            assertThat(read.boxedBig).isZero();
            assertThat(read.boxedReal).isZero();
            assertThat(read.boxedDbl).isZero();
            assertThat(read.moodOrdinal).isEqualTo(Mood.values()[0]);
        }
        t.db().schema().dropAll(Animal.class).join();
    }

    @OnEachDatabase
    void recordsAreImmutableEntities(TestDb t) {
        t.db().schema().dropAll(Point.class).join();
        t.db().schema().createAll(Point.class).join();
        EntityModel<Point> model = EntityModel.of(Point.class);
        var point = new Point(7, "seven", -0.5, Instant.parse("2038-01-19T03:14:08Z"));
        insert(t, model, point);
        assertThat(selectAll(t, model)).containsExactly(point);
        assertThat(selectTyped(t, model)).containsExactly(point);
        assertThat(model.isRecord()).isTrue();
        assertThat(model.id().isWritable()).isFalse();
        t.db().schema().dropAll(Point.class).join();
    }

    @Test
    void changeTrackingSeesOnlyTheFieldsThatChanged() {
        EntityModel<Animal> model = EntityModel.of(Animal.class);
        Animal a = extremes();
        Object[] snapshot = model.snapshot(a);
        a.data[0] = 42;
        a.boxedNumber = 5;
        a.scratch = "transient changes are not tracked";
        assertThat(model.changed(snapshot, a)).extracting(Attribute::property).containsExactly("boxedNumber", "data");
        assertThat(Animal_.NAME.name()).isEqualTo("name");
        assertThat(Animal_.MOOD_ORDINAL.name()).isEqualTo("mood_ordinal");
    }
}
