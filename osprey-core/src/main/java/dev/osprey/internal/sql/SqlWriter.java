package dev.osprey.internal.sql;

import dev.osprey.internal.query.Aggregate;
import dev.osprey.internal.query.Arithmetic;
import dev.osprey.internal.query.Between;
import dev.osprey.internal.query.Comparison;
import dev.osprey.internal.query.Excluded;
import dev.osprey.internal.query.FunctionCall;
import dev.osprey.internal.query.InList;
import dev.osprey.internal.query.InQuery;
import dev.osprey.internal.query.Junction;
import dev.osprey.internal.query.Like;
import dev.osprey.internal.query.Negation;
import dev.osprey.internal.query.NullCheck;
import dev.osprey.internal.query.Param;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.SqlType;
import dev.osprey.query.Column;
import dev.osprey.query.Expression;
import dev.osprey.query.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the SQL of expressions and predicates for one statement and collects its bind values in
 * order. When the statement's text is already cached, it only collects binds: the text parts are
 * dropped, the walk (and its checks) is the same. Which tables a column may come from is a stack
 * of scopes, one per (sub)query. Not thread-safe: one per rendering.
 */
final class SqlWriter {
    private final Dialect dialect;
    private final StringBuilder sql;
    private final List<Object> binds = new ArrayList<>();
    private final List<Scope> scopes = new ArrayList<>();

    /** The tables one (sub)query reads; columns are qualified with their table when {@code qualify}. */
    record Scope(List<EntityModel<?>> tables, boolean qualify) {
    }

    SqlWriter(Dialect dialect, boolean writeText) {
        this.dialect = dialect;
        this.sql = writeText ? new StringBuilder(128) : null;
    }

    Dialect dialect() {
        return dialect;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> binds() {
        return binds;
    }

    /** False when the text is cached and only the binds are collected. */
    boolean writesText() {
        return sql != null;
    }

    /** A column of {@code model} in the current scope, as a select-list entry. */
    SqlWriter entityColumn(EntityModel<?> model, dev.osprey.mapping.Attribute<?, ?> attribute) {
        if (scopes.getLast().qualify()) {
            quoted(model.table()).append(".");
        }
        return quoted(attribute.column());
    }

    SqlWriter append(String text) {
        if (sql != null) {
            sql.append(text);
        }
        return this;
    }

    SqlWriter quoted(String identifier) {
        return sql == null ? this : append(dialect.quote(identifier));
    }

    void bind(Object value) {
        append("?");
        binds.add(value);
    }

    void enter(Scope scope) {
        scopes.add(scope);
    }

    void exit() {
        scopes.removeLast();
    }

    // ---------------------------------------------------------------- expressions

    /** An expression as a value (select list, assignment, function argument). */
    void expression(Expression<?> e) {
        expression(e, false, false);
    }

    /** An expression compared, ordered, aggregated or computed with: DECIMAL columns as numbers. */
    void operand(Expression<?> e) {
        expression(e, true, false);
    }

    private void expression(Expression<?> e, boolean numeric, boolean nested) {
        switch (e) {
            case Column<?, ?> c -> column(c, numeric);
            case Param<?> p when numeric && p.value() instanceof java.math.BigDecimal -> {
                append(dialect.decimalOperand("?"));
                binds.add(p.value());
            }
            case Param<?> p -> bind(p.value());
            case Arithmetic<?> a -> arithmetic(a, nested);
            case FunctionCall<?> f -> function(f);
            case Aggregate<?> a -> aggregate(a);
            case Excluded<?> x -> append(dialect.excluded(dialect.quote(x.column().name())));
            default -> throw new IllegalArgumentException("not an expression Osprey can render: " + e.getClass().getName());
        }
    }

    void column(Column<?, ?> c, boolean numeric) {
        Scope scope = scopeOf(c);   // checks the column's table even when the text is cached
        if (sql == null) {
            return;
        }
        String rendered = scope.qualify() ? dialect.quote(c.model().table()) + "." + dialect.quote(c.name())
                : dialect.quote(c.name());
        if (numeric && c.attribute().type().sqlType() == SqlType.DECIMAL) {
            rendered = dialect.decimalOperand(rendered);
        }
        append(rendered);
    }

    /** The innermost scope reading {@code c}'s table; a column of an outer query is always qualified. */
    private Scope scopeOf(Column<?, ?> c) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Scope scope = scopes.get(i);
            if (scope.tables().contains(c.model())) {
                return i == scopes.size() - 1 ? scope : new Scope(scope.tables(), true);
            }
        }
        List<String> tables = scopes.isEmpty() ? List.of() : scopes.getLast().tables().stream().map(EntityModel::table).toList();
        throw new IllegalArgumentException(c + " is a column of " + c.model().table() + ", which the statement does not read "
                + tables + "; join " + c.model().type().getSimpleName() + " first");
    }

    private void arithmetic(Arithmetic<?> a, boolean nested) {
        if (nested) {
            append("(");
        }
        expression(a.left(), true, true);
        append(switch (a.operator()) {
            case PLUS -> " + ";
            case MINUS -> " - ";
            case TIMES -> " * ";
            case DIV -> a.isIntegral() ? " " + dialect.integerDivision() + " " : " / ";
        });
        expression(a.right(), true, true);
        if (nested) {
            append(")");
        }
    }

    private void function(FunctionCall<?> f) {
        switch (f.function()) {
            case NOW -> append(dialect.now());
            case CONCAT -> {
                if (sql == null) {
                    f.arguments().forEach(this::expression);
                } else {
                    List<String> parts = new ArrayList<>();
                    for (Expression<?> argument : f.arguments()) {
                        parts.add(captured(() -> expression(argument)));
                    }
                    append(dialect.concat(parts));
                }
            }
            default -> {
                append(f.function().name()).append("(");
                list(f.arguments(), this::expression);
                append(")");
            }
        }
    }

    /** What {@code body} writes, taken out of the text (its binds stay, in order). */
    private String captured(Runnable body) {
        int start = sql.length();
        body.run();
        String part = sql.substring(start);
        sql.setLength(start);
        return part;
    }

    private void aggregate(Aggregate<?> a) {
        switch (a.function()) {
            case COUNT_ALL -> append("COUNT(*)");
            case COUNT -> wrap("COUNT(", a.argument(), false);
            case COUNT_DISTINCT -> wrap("COUNT(DISTINCT ", a.argument(), false);
            case SUM -> wrap("SUM(", a.argument(), true);
            case AVG -> wrap("AVG(", a.argument(), true);
            case MIN -> wrap("MIN(", a.argument(), true);
            case MAX -> wrap("MAX(", a.argument(), true);
        }
    }

    private void wrap(String open, Expression<?> argument, boolean numeric) {
        append(open);
        expression(argument, numeric, false);
        append(")");
    }

    // ---------------------------------------------------------------- predicates

    /** {@code conditions} joined by AND, without outer parentheses. */
    void conditions(List<Predicate> conditions) {
        if (conditions.size() == 1) {
            predicate(conditions.getFirst(), false);
        } else {
            predicate(new Junction(false, conditions), false);
        }
    }

    private void predicate(Predicate p, boolean nested) {
        switch (p) {
            case Comparison c -> {
                operand(c.left());
                append(" ").append(c.operator().sql()).append(" ");
                operand(c.right());
            }
            case Between b -> {
                operand(b.expression());
                append(" BETWEEN ");
                operand(b.low());
                append(" AND ");
                operand(b.high());
            }
            case InList in -> inList(in);
            case InQuery in -> {
                operand(in.expression());
                append(in.negated() ? " NOT IN (" : " IN (");
                StatementRenderer.selectBody(this, in.query(), false);
                append(")");
            }
            case Like like -> like(like);
            case NullCheck n -> {
                expression(n.expression());
                append(n.negated() ? " IS NOT NULL" : " IS NULL");
            }
            case Junction j -> junction(j, nested);
            case Negation n -> {
                append("NOT (");
                predicate(n.predicate(), false);
                append(")");
            }
            default -> throw new IllegalArgumentException("not a condition Osprey can render: " + p.getClass().getName());
        }
    }

    private void inList(InList in) {
        if (in.values().isEmpty()) {
            append(in.negated() ? "1 = 1" : "1 = 0");   // IN () is not SQL; empty IN matches nothing
            return;
        }
        if (in.values().size() > dialect.maxBindParameters()) {
            throw new IllegalArgumentException("an IN list of " + in.values().size() + " values is more than "
                    + dialect.name() + " accepts in one statement (" + dialect.maxBindParameters() + ")");
        }
        operand(in.expression());
        append(in.negated() ? " NOT IN (" : " IN (");
        list(in.values(), this::operand);
        append(")");
    }

    private void like(Like like) {
        boolean native_ = !like.ignoreCase() || dialect.supportsIlike();
        if (native_) {
            expression(like.expression());
        } else {
            append("LOWER(");
            expression(like.expression());
            append(")");
        }
        append(like.negated() ? " NOT " : " ");
        append(like.ignoreCase() && dialect.supportsIlike() ? "ILIKE " : "LIKE ");
        if (native_) {
            expression(like.pattern());
        } else {
            append("LOWER(");
            expression(like.pattern());
            append(")");
        }
        append(" ESCAPE ").append(dialect.likeEscapeLiteral());
    }

    private void junction(Junction j, boolean nested) {
        if (j.parts().isEmpty()) {
            append(j.or() ? "1 = 0" : "1 = 1");
            return;
        }
        if (j.parts().size() == 1) {
            predicate(j.parts().getFirst(), nested);
            return;
        }
        if (nested) {
            append("(");
        }
        String separator = j.or() ? " OR " : " AND ";
        for (int i = 0; i < j.parts().size(); i++) {
            if (i > 0) {
                append(separator);
            }
            predicate(j.parts().get(i), true);
        }
        if (nested) {
            append(")");
        }
    }

    <T> void list(List<? extends T> items, java.util.function.Consumer<T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                append(", ");
            }
            each.accept(items.get(i));
        }
    }
}
