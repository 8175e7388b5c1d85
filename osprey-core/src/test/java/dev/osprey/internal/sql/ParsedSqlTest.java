package dev.osprey.internal.sql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedSqlTest {

    @Test
    void namedParametersBecomePlaceholdersInOrderOfUse() {
        var parsed = ParsedSql.parse("SELECT * FROM t WHERE a = :a AND b = :b_2 OR a = :a");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR a = ?");
        assertThat(parsed.names()).containsExactly("a", "b_2", "a");
        assertThat(parsed.bindNamed(Map.of("a", 1, "b_2", 2))).containsExactly(1, 2, 1);
    }

    @Test
    void quotesCommentsCastsAndDollarBodiesAreLeftAlone() {
        String sql = "SELECT ':no', \"col:x\", `b:y`, x::int, '10:30', -- :c ?\n"
                + " /* :d ? */ $$ :e ? $$, $f$ :g $f$, @v := 1 FROM t WHERE id = :id";
        var parsed = ParsedSql.parse(sql);
        assertThat(parsed.names()).containsExactly("id");
        assertThat(parsed.positional()).isZero();
        assertThat(parsed.jdbcSql()).endsWith("WHERE id = ?").contains("x::int").contains("'10:30'");
    }

    @Test
    void positionalPlaceholdersAreCountedOutsideLiterals() {
        var parsed = ParsedSql.parse("INSERT INTO t VALUES (?, '?', ?)");
        assertThat(parsed.positional()).isEqualTo(2);
        assertThat(parsed.bindPositional(new Object[] {1, null})).containsExactly(1, null);
        assertThatThrownBy(() -> parsed.bindPositional(new Object[] {1}))
                .hasMessageContaining("2 parameter(s) but 1 value(s)");
    }

    @Test
    void readOnlyMeansTheStatementStartsWithAReadKeyword() {
        assertThat(ParsedSql.parse("  select 1").readOnly()).isTrue();
        assertThat(ParsedSql.parse("/* hi */ (SELECT 1)").readOnly()).isTrue();
        assertThat(ParsedSql.parse("-- c\nVALUES (1)").readOnly()).isTrue();
        assertThat(ParsedSql.parse("WITH x AS (SELECT 1) DELETE FROM t").readOnly()).isFalse();
        assertThat(ParsedSql.parse("INSERT INTO t VALUES (1) RETURNING id").readOnly()).isFalse();
        assertThat(ParsedSql.parse("PRAGMA user_version = 3").readOnly()).isFalse();
    }

    @Test
    void mixingOrMisnamingParametersIsAnError() {
        assertThatThrownBy(() -> ParsedSql.parse("SELECT ?, :a")).hasMessageContaining("mixes");
        var parsed = ParsedSql.parse("SELECT :a");
        assertThatThrownBy(() -> parsed.bindNamed(Map.of("b", 1))).hasMessageContaining("unknown parameter 'b'");
        assertThatThrownBy(() -> parsed.bindNamed(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParsedSql.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ParsedSql.of("SELECT 1").bindPositional(new Object[0])).isEqualTo(List.of());
    }
}
