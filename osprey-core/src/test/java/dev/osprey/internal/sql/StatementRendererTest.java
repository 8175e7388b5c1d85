package dev.osprey.internal.sql;

import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.query.DeleteStatement;
import dev.osprey.internal.query.InsertStatement;
import dev.osprey.internal.query.SelectStatement;
import dev.osprey.internal.query.UpdateStatement;
import dev.osprey.internal.sql.golden.Author;
import dev.osprey.internal.sql.golden.AuthorName;
import dev.osprey.internal.sql.golden.Author_;
import dev.osprey.internal.sql.golden.Book;
import dev.osprey.internal.sql.golden.Book_;
import dev.osprey.mapping.Attribute;
import dev.osprey.query.Delete;
import dev.osprey.query.Insert;
import dev.osprey.query.Select;
import dev.osprey.query.Update;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.osprey.query.Sql.concat;
import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.countDistinct;
import static dev.osprey.query.Sql.delete;
import static dev.osprey.query.Sql.excluded;
import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.max;
import static dev.osprey.query.Sql.now;
import static dev.osprey.query.Sql.or;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.set;
import static dev.osprey.query.Sql.sum;
import static dev.osprey.query.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statement trees and the exact SQL and binds each dialect renders for them (no database; SQLAlchemy's assert_compile). */
class StatementRendererTest {
    private static final StatementRenderer POSTGRES = new StatementRenderer(new PostgresDialect("16.4"));
    private static final StatementRenderer MARIADB = new StatementRenderer(new MariaDbDialect("MariaDB", "11.4.2-MariaDB", 11, 4));
    private static final StatementRenderer SQLITE = new StatementRenderer(new SqliteDialect("3.46.1"));
    private static final String NO_TEXT = null;
    private static final String AUTHOR_COLUMNS =
            "\"id\", \"name\", \"email\", \"visits\", \"score\", \"joined\", \"balance\", \"level\"";

    private static SqlStatement sql(StatementRenderer renderer, Select<?> select) {
        return renderer.select((SelectStatement<?>) select);
    }

    private static SqlStatement sql(StatementRenderer renderer, Update<?> update) {
        return renderer.update((UpdateStatement<?>) update);
    }

    private static SqlStatement sql(StatementRenderer renderer, Delete<?> delete) {
        return renderer.delete((DeleteStatement<?>) delete);
    }

    private static SqlStatement counted(StatementRenderer renderer, Select<?> select) {
        return renderer.count((SelectStatement<?>) select);
    }

    // ---------------------------------------------------------------- select

    @Test
    void selectOfAnEntityListsItsColumnsAndBindsTheValue() {
        SqlStatement s = sql(POSTGRES, select(Author.class).where(Author_.NAME.eq("Ada")));
        assertThat(s.sql()).isEqualTo("SELECT " + AUTHOR_COLUMNS + " FROM \"authors\" WHERE \"name\" = ?");
        assertThat(s.binds()).containsExactly("Ada");
        assertThat(s.readOnly()).isTrue();
    }

    @Test
    void onlyASelectOfOneRowByPrimaryKeyIsMarkedAsAReadByKey() {
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.ID.eq(7L))).readByKey()).isTrue();
        assertThat(sql(POSTGRES, select(Author_.NAME).where(Author_.ID.eq(7L))).readByKey()).isTrue();
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.NAME.eq("Ada"))).readByKey()).isFalse();
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.ID.gt(7L))).readByKey()).isFalse();
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.ID.eq(7L), Author_.NAME.eq("Ada"))).readByKey())
                .as("still one row, but not known to be brief by this simple rule").isFalse();
        assertThat(sql(POSTGRES, select(Author.class)).readByKey()).isFalse();
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.ID.eq(7L)).forUpdate()).readByKey())
                .as("a locking read may wait for the lock").isFalse();
    }

    @Test
    void filtersOrderingAndPagingRenderPerDialect() {
        Select<Author> select = select(Author.class)
                .where(Author_.NAME.startsWith("50%_off"), or(Author_.SCORE.isNull(), Author_.SCORE.gt(3)))
                .orderBy(Author_.NAME.asc(), Author_.ID.desc().nullsLast())
                .page(3, 20);
        String where = " WHERE \"name\" LIKE ? ESCAPE '\\' AND (\"score\" IS NULL OR \"score\" > ?)";
        assertThat(sql(POSTGRES, select).sql()).isEqualTo("SELECT " + AUTHOR_COLUMNS + " FROM \"authors\"" + where
                + " ORDER BY \"name\" ASC, \"id\" DESC NULLS LAST LIMIT ? OFFSET ?");
        assertThat(sql(SQLITE, select).sql()).isEqualTo(sql(POSTGRES, select).sql());
        assertThat(sql(MARIADB, select).sql()).isEqualTo("SELECT " + AUTHOR_COLUMNS.replace('"', '`')
                + " FROM `authors` WHERE `name` LIKE ? ESCAPE '\\\\' AND (`score` IS NULL OR `score` > ?)"
                + " ORDER BY `name` ASC, `id` IS NULL, `id` DESC LIMIT ? OFFSET ?");
        assertThat(sql(POSTGRES, select).binds()).containsExactly("50\\%\\_off%", 3, 20L, 40L);
    }

    @Test
    void nullsFirstWithoutNativeSupportOrdersByIsNullDescending() {
        Select<Author> select = select(Author.class).orderBy(Author_.SCORE.asc().nullsFirst());
        assertThat(sql(MARIADB, select).sql()).endsWith(" ORDER BY `score` IS NULL DESC, `score` ASC");
        assertThat(sql(POSTGRES, select).sql()).endsWith(" ORDER BY \"score\" ASC NULLS FIRST");
    }

    @Test
    void anOffsetWithoutALimitUsesEachDialectsSpelling() {
        Select<Author> select = select(Author.class).offset(5);
        assertThat(sql(POSTGRES, select).sql()).endsWith("FROM \"authors\" OFFSET ?");
        assertThat(sql(SQLITE, select).sql()).endsWith("FROM \"authors\" LIMIT -1 OFFSET ?");
        assertThat(sql(MARIADB, select).sql()).endsWith("FROM `authors` LIMIT 18446744073709551615 OFFSET ?");
    }

    @Test
    void joinsQualifyEveryColumn() {
        Select<?> select = select(Author_.NAME, Book_.TITLE)
                .join(Book.class).on(Book_.AUTHOR_ID.eq(Author_.ID))
                .where(Book_.DONE.eq(true));
        SqlStatement s = sql(POSTGRES, select);
        assertThat(s.sql()).isEqualTo("SELECT \"authors\".\"name\", \"books\".\"title\" FROM \"authors\""
                + " JOIN \"books\" ON \"books\".\"author_id\" = \"authors\".\"id\" WHERE \"books\".\"done\" = ?");
        assertThat(s.binds()).containsExactly(true);

        assertThat(sql(POSTGRES, select(Author.class).leftJoin(Book.class).on(Book_.AUTHOR_ID.eq(Author_.ID))).sql())
                .startsWith("SELECT \"authors\".\"id\", \"authors\".\"name\", ")
                .endsWith(" FROM \"authors\" LEFT JOIN \"books\" ON \"books\".\"author_id\" = \"authors\".\"id\"");
    }

    @Test
    void aColumnOfATableTheSelectDoesNotReadIsRefused() {
        assertThatThrownBy(() -> sql(POSTGRES, select(Author.class).where(Book_.DONE.eq(true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Book.done")
                .hasMessageContaining("join Book first");
    }

    @Test
    void groupByHavingAndAggregates() {
        Select<?> select = select(Book_.AUTHOR_ID, count())
                .groupBy(Book_.AUTHOR_ID).having(count().gt(2L)).orderBy(count().desc());
        SqlStatement s = sql(POSTGRES, select);
        assertThat(s.sql()).isEqualTo("SELECT \"author_id\", COUNT(*) FROM \"books\" GROUP BY \"author_id\""
                + " HAVING COUNT(*) > ? ORDER BY COUNT(*) DESC");
        assertThat(s.binds()).containsExactly(2L);
        assertThat(sql(POSTGRES, select(countDistinct(Book_.AUTHOR_ID))).sql())
                .isEqualTo("SELECT COUNT(DISTINCT \"author_id\") FROM \"books\"");
        assertThat(sql(POSTGRES, select(count()).from(Author.class)).sql()).isEqualTo("SELECT COUNT(*) FROM \"authors\"");
        assertThatThrownBy(() -> sql(POSTGRES, select(count())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from(Entity.class)");
    }

    @Test
    void sqliteComparesAndAggregatesDecimalTextAsNumbers() {
        Select<?> select = select(max(Author_.BALANCE)).where(Author_.BALANCE.gt(new BigDecimal("10.50")));
        assertThat(sql(SQLITE, select).sql())
                .isEqualTo("SELECT MAX(CAST(\"balance\" AS REAL)) FROM \"authors\" WHERE CAST(\"balance\" AS REAL) > CAST(? AS REAL)");
        assertThat(sql(POSTGRES, select).sql()).isEqualTo("SELECT MAX(\"balance\") FROM \"authors\" WHERE \"balance\" > ?");
        assertThat(sql(SQLITE, select(Author_.BALANCE)).sql()).isEqualTo("SELECT \"balance\" FROM \"authors\"");
    }

    @Test
    void subqueriesAndListsInIn() {
        Select<Author> select = select(Author.class)
                .where(Author_.ID.in(select(Book_.AUTHOR_ID).where(Book_.DONE.eq(false))), Author_.VISITS.notIn(1, 2));
        SqlStatement s = sql(POSTGRES, select);
        assertThat(s.sql()).endsWith(" FROM \"authors\" WHERE \"id\" IN (SELECT \"author_id\" FROM \"books\" WHERE"
                + " \"done\" = ?) AND \"visits\" NOT IN (?, ?)");
        assertThat(s.binds()).containsExactly(false, 1, 2);
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.ID.in(List.of()))).sql()).endsWith(" WHERE 1 = 0");
        assertThat(sql(POSTGRES, select(Author.class).where(Author_.ID.notIn(List.of()))).sql()).endsWith(" WHERE 1 = 1");
    }

    @Test
    void valuesAreBoundAsTheColumnStoresThem() {
        SqlStatement s = sql(POSTGRES, select(Author.class).where(Author_.LEVEL.eq(Author.Level.STAR), Author_.EMAIL.eq(NO_TEXT)));
        assertThat(s.sql()).endsWith(" WHERE \"level\" = ? AND \"email\" IS NULL");
        assertThat(s.binds()).containsExactly(2);   // stored by ordinal
    }

    @Test
    void ilikeIsNativeOnPostgresqlAndLoweredElsewhere() {
        Select<Author> select = select(Author.class).where(Author_.NAME.containsIgnoreCase("ada"));
        assertThat(sql(POSTGRES, select).sql()).endsWith(" WHERE \"name\" ILIKE ? ESCAPE '\\'");
        assertThat(sql(SQLITE, select).sql()).endsWith(" WHERE LOWER(\"name\") LIKE LOWER(?) ESCAPE '\\'");
        assertThat(sql(MARIADB, select).sql()).endsWith(" WHERE LOWER(`name`) LIKE LOWER(?) ESCAPE '\\\\'");
        assertThat(sql(POSTGRES, select).binds()).containsExactly("%ada%");
    }

    @Test
    void forUpdateIsLeftOutOnSqlite() {
        Select<Author> select = select(Author.class).where(Author_.ID.eq(1L)).forUpdate();
        assertThat(sql(POSTGRES, select).sql()).endsWith(" WHERE \"id\" = ? FOR UPDATE");
        assertThat(sql(POSTGRES, select).readOnly()).isFalse();
        assertThat(sql(MARIADB, select).sql()).endsWith(" FOR UPDATE");
        assertThat(sql(SQLITE, select).sql()).endsWith(" WHERE \"id\" = ?");
    }

    @Test
    void aRecordProjectionSelectsItsExpressionsInOrder() {
        Select<AuthorName> select = select(Author_.ID, Author_.NAME).into(AuthorName.class);
        assertThat(sql(POSTGRES, select).sql()).isEqualTo("SELECT \"id\", \"name\" FROM \"authors\"");
        assertThatThrownBy(() -> select(Author_.ID).into(AuthorName.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 components");
    }

    // ---------------------------------------------------------------- count

    @Test
    void countWrapsTheSelectAndDropsWhatCannotChangeTheCount() {
        SqlStatement s = counted(POSTGRES, select(Author.class).where(Author_.VISITS.gt(0)).orderBy(Author_.NAME.asc()));
        assertThat(s.sql()).isEqualTo("SELECT COUNT(*) FROM (SELECT 1 FROM \"authors\" WHERE \"visits\" > ?) \"counted\"");
        assertThat(s.binds()).containsExactly(0);
        assertThat(counted(POSTGRES, select(Book_.AUTHOR_ID).distinct()).sql())
                .isEqualTo("SELECT COUNT(*) FROM (SELECT DISTINCT \"author_id\" AS \"c1\" FROM \"books\") \"counted\"");
        assertThat(counted(MARIADB, select(Author.class).orderBy(Author_.NAME.asc()).limit(10)).sql())
                .isEqualTo("SELECT COUNT(*) FROM (SELECT 1 FROM `authors` ORDER BY `name` ASC LIMIT ?) `counted`");
    }

    // ---------------------------------------------------------------- update and delete

    @Test
    void updateWithAnExpressionIsAtomicInSql() {
        SqlStatement s = sql(POSTGRES, update(Author.class).set(Author_.VISITS, Author_.VISITS.plus(1)).where(Author_.ID.eq(7L)));
        assertThat(s.sql()).isEqualTo("UPDATE \"authors\" SET \"visits\" = \"visits\" + ? WHERE \"id\" = ?");
        assertThat(s.binds()).containsExactly(1, 7L);
        assertThat(s.readOnly()).isFalse();
    }

    @Test
    void expressionsRenderPerDialect() {
        Update<Author> update = update(Author.class)
                .set(Author_.VISITS, Author_.VISITS.plus(1).times(2).div(3))
                .set(Author_.NAME, Author_.NAME.concat("!").lower())
                .set(Author_.JOINED, now())
                .set(Author_.SCORE, Author_.SCORE.coalesce(0))
                .all();
        assertThat(sql(POSTGRES, update).sql()).isEqualTo("UPDATE \"authors\" SET \"visits\" = ((\"visits\" + ?) * ?) / ?,"
                + " \"name\" = LOWER(\"name\" || ?), \"joined\" = CURRENT_TIMESTAMP, \"score\" = COALESCE(\"score\", ?)");
        assertThat(sql(MARIADB, update).sql()).isEqualTo("UPDATE `authors` SET `visits` = ((`visits` + ?) * ?) DIV ?,"
                + " `name` = LOWER(CONCAT(`name`, ?)), `joined` = UTC_TIMESTAMP(6), `score` = COALESCE(`score`, ?)");
        assertThat(sql(SQLITE, update).sql()).contains("\"joined\" = (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')");
        assertThat(sql(POSTGRES, update).binds()).containsExactly(1, 2, 3, "!", 0);
    }

    @Test
    void aLaterAssignmentToTheSameColumnReplacesTheEarlierOne() {
        SqlStatement s = sql(POSTGRES, update(Author.class).set(Author_.VISITS, 1).setNull(Author_.SCORE)
                .set(Author_.VISITS, 2).where(Author_.ID.eq(1L)));
        assertThat(s.sql()).isEqualTo("UPDATE \"authors\" SET \"score\" = ?, \"visits\" = ? WHERE \"id\" = ?");
        assertThat(s.binds()).containsExactly(null, 2, 1L);
    }

    @Test
    void whereCallsAddUpAndABuilderIsNeverChangedByTheNextStep() {
        var first = update(Author.class).set(Author_.VISITS, 1).where(Author_.ID.gt(1L));
        var both = first.where(Author_.ID.lt(9L), Author_.VISITS.eq(0));
        assertThat(sql(POSTGRES, first).sql()).isEqualTo("UPDATE \"authors\" SET \"visits\" = ? WHERE \"id\" > ?");
        assertThat(sql(POSTGRES, both).sql()).isEqualTo(
                "UPDATE \"authors\" SET \"visits\" = ? WHERE \"id\" > ? AND \"id\" < ? AND \"visits\" = ?");
        assertThat(sql(POSTGRES, both).binds()).containsExactly(1, 1L, 9L, 0);
        var deleting = delete(Author.class).where(Author_.ID.gt(1L));
        assertThat(sql(SQLITE, deleting.where(Author_.ID.lt(5L))).sql())
                .isEqualTo("DELETE FROM \"authors\" WHERE \"id\" > ? AND \"id\" < ?");
        assertThat(sql(SQLITE, deleting).sql()).isEqualTo("DELETE FROM \"authors\" WHERE \"id\" > ?");
        assertThatThrownBy(() -> update(Author.class).where(Author_.ID.gt(1L), null))
                .isInstanceOf(NullPointerException.class).hasMessage("a condition is null");
        assertThatThrownBy(() -> delete(Author.class).where((dev.osprey.query.Predicate[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("the conditions");
        assertThatThrownBy(() -> select(Author.class).orderBy(Author_.ID.asc(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("an order is null");
    }

    @Test
    void updateAndDeleteWithoutWhereMustSayAll() {
        assertThatThrownBy(() -> sql(POSTGRES, update(Author.class).set(Author_.VISITS, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no where clause").hasMessageContaining("all()");
        assertThatThrownBy(() -> sql(POSTGRES, delete(Author.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no where clause");
        assertThatThrownBy(() -> sql(POSTGRES, update(Author.class).where(Author_.ID.eq(1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sets nothing");
        assertThat(sql(POSTGRES, delete(Author.class).all()).sql()).isEqualTo("DELETE FROM \"authors\"");
        assertThat(sql(MARIADB, delete(Author.class).where(Author_.ID.in(1L, 2L, 3L))).sql())
                .isEqualTo("DELETE FROM `authors` WHERE `id` IN (?, ?, ?)");
    }

    // ---------------------------------------------------------------- insert

    private static List<Attribute<?, ?>> columns(dev.osprey.query.Column<?, ?>... columns) {
        return java.util.Arrays.stream(columns).<Attribute<?, ?>>map(dev.osprey.query.Column::attribute).toList();
    }

    @Test
    void multiRowInsertWithReturning() {
        SqlStatement s = POSTGRES.insert(Author_.MODEL, columns(Author_.NAME, Author_.EMAIL), 2, null, columns(Author_.ID));
        assertThat(s.sql()).isEqualTo("INSERT INTO \"authors\" (\"name\", \"email\") VALUES (?, ?), (?, ?) RETURNING \"id\"");
        assertThat(s.binds()).isEmpty();
        assertThat(MARIADB.insert(Author_.MODEL, columns(), 1, null, List.of()).sql())
                .isEqualTo("INSERT INTO `authors` () VALUES ()");
        assertThat(SQLITE.insert(Author_.MODEL, columns(), 1, null, List.of()).sql())
                .isEqualTo("INSERT INTO \"authors\" DEFAULT VALUES");
        assertThatThrownBy(() -> POSTGRES.insert(Author_.MODEL, columns(Author_.NAME), 40_000, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32767");
    }

    @Test
    void bulkInsertsGoAsCopyOnPostgresAsOneBatchOnMariaDbAndAsMultiRowInsertsElsewhere() {
        assertThat(POSTGRES.dialect().bulkInsertStyle()).isEqualTo(Dialect.BulkInsertStyle.COPY);
        assertThat(MARIADB.dialect().bulkInsertStyle()).isEqualTo(Dialect.BulkInsertStyle.BATCH);
        assertThat(new MariaDbDialect("MySQL", "8.4.3", 8, 4).bulkInsertStyle())
                .as("MySQL has no bulk command").isEqualTo(Dialect.BulkInsertStyle.MULTI_ROW);
        assertThat(SQLITE.dialect().bulkInsertStyle())
                .as("sqlite-jdbc steps a batch row by row").isEqualTo(Dialect.BulkInsertStyle.MULTI_ROW);

        assertThat(POSTGRES.copy(Author_.MODEL, columns(Author_.NAME, Author_.EMAIL)))
                .isEqualTo("COPY \"authors\" (\"name\", \"email\") FROM STDIN");
        assertThatThrownBy(() -> MARIADB.copy(Author_.MODEL, columns(Author_.NAME)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COPY");
        assertThatThrownBy(() -> POSTGRES.copy(Author_.MODEL, columns())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upsertsRenderAsOnConflictOrOnDuplicateKey() {
        Insert<Author> insert = insert(Author.class)
                .onConflict(Author_.EMAIL)
                .doUpdate(set(Author_.VISITS, Author_.VISITS.plus(excluded(Author_.VISITS))), set(Author_.SCORE, 5));
        var conflict = ((InsertStatement<Author>) insert).conflict();
        SqlStatement pg = POSTGRES.insert(Author_.MODEL, columns(Author_.EMAIL, Author_.VISITS), 1, conflict, List.of());
        assertThat(pg.sql()).isEqualTo("INSERT INTO \"authors\" (\"email\", \"visits\") VALUES (?, ?)"
                + " ON CONFLICT (\"email\") DO UPDATE SET \"visits\" = \"authors\".\"visits\" + EXCLUDED.\"visits\", \"score\" = ?");
        assertThat(pg.binds()).containsExactly(5);
        assertThat(MARIADB.insert(Author_.MODEL, columns(Author_.EMAIL, Author_.VISITS), 1, conflict, List.of()).sql())
                .isEqualTo("INSERT INTO `authors` (`email`, `visits`) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE `visits` = `authors`.`visits` + VALUES(`visits`), `score` = ?");

        var nothing = ((InsertStatement<Author>) insert(Author.class).onConflict(Author_.EMAIL).doNothing()).conflict();
        assertThat(SQLITE.insert(Author_.MODEL, columns(Author_.EMAIL), 1, nothing, List.of()).sql())
                .isEqualTo("INSERT INTO \"authors\" (\"email\") VALUES (?) ON CONFLICT (\"email\") DO NOTHING");
        assertThat(MARIADB.insert(Author_.MODEL, columns(Author_.EMAIL), 1, nothing, List.of()).sql())
                .isEqualTo("INSERT INTO `authors` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `id` = `id`");

        var copy = ((InsertStatement<Author>) insert(Author.class).onConflict(Author_.EMAIL).doUpdate(Author_.NAME)).conflict();
        assertThat(POSTGRES.insert(Author_.MODEL, columns(Author_.NAME, Author_.EMAIL), 1, copy, List.of()).sql())
                .endsWith(" ON CONFLICT (\"email\") DO UPDATE SET \"name\" = EXCLUDED.\"name\"");
    }

    // ---------------------------------------------------------------- cache

    @Test
    void statementsOfTheSameShapeShareTheirTextAndKeepTheirOwnValues() {
        var renderer = new StatementRenderer(new PostgresDialect("16.4"));
        SqlStatement first = sql(renderer, select(Author.class).where(Author_.NAME.eq("Ada"), Author_.VISITS.in(1, 2)).limit(5));
        SqlStatement second = sql(renderer, select(Author.class).where(Author_.NAME.eq("Bob"), Author_.VISITS.in(3, 4)).limit(9));
        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(first.binds()).containsExactly("Ada", 1, 2, 5L);
        assertThat(second.binds()).containsExactly("Bob", 3, 4, 9L);
        assertThat(renderer.cachedShapes()).isEqualTo(1);

        SqlStatement third = sql(renderer, select(Author.class).where(Author_.NAME.eq("Cy"), Author_.VISITS.in(1, 2, 3)).limit(5));
        assertThat(third.sql()).endsWith("IN (?, ?, ?) LIMIT ?");
        assertThat(renderer.cachedShapes()).isEqualTo(2);
        assertThat(sql(renderer, select(Author.class).where(Author_.NAME.eq(NO_TEXT))).sql()).endsWith("\"name\" IS NULL");
    }

    /**
     * Statements that differ in one thing that changes their text (an operator, a column, a direction, a
     * table's qualification, a decimal operand, where a concatenation's parts end), rendered through one
     * renderer in both orders: each must get the text a renderer that never saw the others gives it, so no
     * two of them may share a cached text.
     */
    @Test
    void statementsThatDifferInTheirTextNeverShareACachedText() {
        var conflictUpdate = ((InsertStatement<Author>) insert(Author.class).onConflict(Author_.EMAIL)
                .doUpdate(set(Author_.VISITS, Author_.VISITS.plus(excluded(Author_.VISITS))))).conflict();
        var conflictNothing = ((InsertStatement<Author>) insert(Author.class).onConflict(Author_.EMAIL).doNothing()).conflict();
        List<java.util.function.Function<StatementRenderer, SqlStatement>> corpus = List.of(
                r -> sql(r, select(Author.class).where(Author_.NAME.eq("a"))),
                r -> sql(r, select(Author.class).where(Author_.NAME.ne("a"))),
                r -> sql(r, select(Author.class).where(Author_.NAME.gt("a"))),
                r -> sql(r, select(Author.class).where(Author_.EMAIL.eq("a"))),
                r -> sql(r, select(Author.class).where(Author_.NAME.isNull())),
                r -> sql(r, select(Author.class).where(Author_.NAME.isNotNull())),
                r -> sql(r, select(Author.class).where(Author_.NAME.eq("a"), Author_.VISITS.eq(1))),
                r -> sql(r, select(Author.class).where(or(Author_.NAME.eq("a"), Author_.VISITS.eq(1)))),
                r -> sql(r, select(Author.class).where(Author_.VISITS.in(1, 2))),
                r -> sql(r, select(Author.class).where(Author_.VISITS.in(1, 2, 3))),
                r -> sql(r, select(Author.class).where(Author_.VISITS.notIn(1, 2))),
                r -> sql(r, select(Author.class).where(Author_.NAME.contains("a"))),
                r -> sql(r, select(Author.class).where(Author_.NAME.containsIgnoreCase("a"))),
                r -> sql(r, select(Author.class).where(Author_.BALANCE.gt(new BigDecimal("1.5")))),
                r -> sql(r, select(Author.class).where(Author_.BALANCE.isNull())),
                r -> sql(r, select(Author_.BALANCE)),
                r -> sql(r, select(max(Author_.BALANCE))),
                r -> sql(r, select(Author_.NAME)),
                r -> sql(r, select(Author_.NAME).distinct()),
                r -> sql(r, select(Author_.NAME, Author_.EMAIL)),
                r -> sql(r, select(concat(Author_.NAME, Author_.EMAIL, Author_.NAME))),
                r -> sql(r, select(concat(concat(Author_.NAME, Author_.EMAIL), Author_.NAME))),
                r -> sql(r, select(concat(Author_.NAME, concat(Author_.EMAIL, Author_.NAME)))),
                r -> sql(r, select(Author.class).orderBy(Author_.NAME.asc())),
                r -> sql(r, select(Author.class).orderBy(Author_.NAME.desc())),
                r -> sql(r, select(Author.class).orderBy(Author_.NAME.asc().nullsFirst())),
                r -> sql(r, select(Author.class).orderBy(Author_.NAME.asc().nullsLast())),
                r -> sql(r, select(Author.class).limit(5)),
                r -> sql(r, select(Author.class).offset(5)),
                r -> sql(r, select(Author.class).limit(5).offset(5)),
                r -> sql(r, select(Author.class).where(Author_.ID.eq(1L)).forUpdate()),
                r -> sql(r, select(Author.class).join(Book.class).on(Book_.AUTHOR_ID.eq(Author_.ID))),
                r -> sql(r, select(Author.class).leftJoin(Book.class).on(Book_.AUTHOR_ID.eq(Author_.ID))),
                r -> sql(r, select(Book.class).join(Author.class).on(Book_.AUTHOR_ID.eq(Author_.ID))),
                r -> sql(r, select(Author.class).where(Author_.ID.in(select(Book_.AUTHOR_ID)))),
                r -> sql(r, select(Author.class).where(Author_.ID.in(select(Book_.ID)))),
                r -> counted(r, select(Author.class)),
                r -> counted(r, select(Author.class).where(Author_.NAME.eq("a"))),
                r -> sql(r, update(Author.class).set(Author_.VISITS, 1).where(Author_.ID.eq(1L))),
                r -> sql(r, update(Author.class).set(Author_.SCORE, 1).where(Author_.ID.eq(1L))),
                r -> sql(r, update(Author.class).set(Author_.VISITS, Author_.VISITS.plus(1)).where(Author_.ID.eq(1L))),
                r -> sql(r, update(Author.class).set(Author_.VISITS, Author_.VISITS.minus(1)).where(Author_.ID.eq(1L))),
                r -> sql(r, update(Author.class).set(Author_.VISITS, Author_.VISITS.plus(1).times(2)).where(Author_.ID.eq(1L))),
                r -> sql(r, update(Author.class).set(Author_.VISITS, Author_.VISITS.plus(Author_.VISITS.times(2))).where(Author_.ID.eq(1L))),
                r -> sql(r, delete(Author.class).where(Author_.ID.eq(1L))),
                r -> sql(r, delete(Author.class).all()),
                r -> r.insert(Author_.MODEL, columns(Author_.EMAIL, Author_.VISITS), 1, conflictUpdate, List.of()),
                r -> r.insert(Author_.MODEL, columns(Author_.EMAIL, Author_.VISITS), 2, conflictUpdate, List.of()),
                r -> r.insert(Author_.MODEL, columns(Author_.EMAIL, Author_.VISITS), 1, conflictNothing, List.of()),
                r -> r.insert(Author_.MODEL, columns(Author_.EMAIL), 2, conflictNothing, List.of()),
                r -> r.insert(Author_.MODEL, columns(Author_.EMAIL), 2, null, List.of()));
        for (Dialect dialect : List.of(POSTGRES.dialect(), MARIADB.dialect(), SQLITE.dialect())) {
            var shared = new StatementRenderer(dialect);
            List<String> fresh = corpus.stream().map(each -> each.apply(new StatementRenderer(dialect)).sql()).toList();
            int shapes = 0;
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < corpus.size(); i++) {
                    int at = round == 0 ? i : corpus.size() - 1 - i;
                    assertThat(corpus.get(at).apply(shared).sql()).as("%s, statement %d", dialect.name(), at)
                            .isEqualTo(fresh.get(at));
                }
                if (round == 0) {
                    shapes = shared.cachedShapes();
                }
            }
            assertThat(shared.cachedShapes()).as("%s: seen shapes are found again", dialect.name()).isEqualTo(shapes)
                    .isGreaterThanOrEqualTo(new java.util.HashSet<>(fresh).size());
        }
    }

    @Test
    void aggregatesOfColumnsAreTypedLikeTheColumn() {
        assertThat(sum(Author_.VISITS).javaType()).isEqualTo(Integer.class);
        assertThat(max(Author_.LEVEL).readValue(1)).isEqualTo(Author.Level.REGULAR);
    }
}
