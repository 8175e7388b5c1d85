package dev.osprey.internal.query;

import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

import java.util.Objects;

/** {@code left op right}. */
public record Comparison(Expression<?> left, Operator operator, Expression<?> right) implements Predicate {

    public enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public static Comparison of(Expression<?> left, Operator operator, Expression<?> right) {
        return new Comparison(Objects.requireNonNull(left, "left"), operator,
                Objects.requireNonNull(right, "right: compare with a value, or use isNull()"));
    }
}
