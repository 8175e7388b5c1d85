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
 * Writes the SQL of one statement and collects its bind values in order, in one of two modes. A
 * {@linkplain #text text} writer writes the SQL. A {@linkplain #shape shape} writer writes nothing:
 * it records the pieces the text would be made of as a {@link ShapeKey}, under which the text is
 * cached, so a statement whose shape was seen before costs one walk that both finds its text and
 * collects its binds. The walk (and its checks) is the same in both modes; whatever the text depends
 * on must go through {@link #append}, {@link #quoted} or one of the methods that record a
 * {@link Token}. Which tables a column may come from is a stack of scopes, one per (sub)query. Not
 * thread-safe: one per rendering.
 */
final class SqlWriter {
    /**
     * A piece of a {@link ShapeKey} that stands for text the dialect renders from the pieces after it;
     * never equal to a string, so a token cannot be mistaken for appended text.
     */
    enum Token {
        /** A quoted name: the name follows. */
        QUOTED,
        /** A column, then its table and name: plain, qualified with the table, and either as a decimal operand. */
        COLUMN, QUALIFIED_COLUMN, DECIMAL_COLUMN, QUALIFIED_DECIMAL_COLUMN,
        /** Every column of an entity, plain or qualified: the model follows. */
        ENTITY, QUALIFIED_ENTITY,
        /** The parts of a dialect's concatenation: opened, between two parts, closed. */
        CONCAT, NEXT_PART, END_CONCAT,
        /** An insert's rows of placeholders: the width and the number of rows follow. */
        ROWS
    }

    private static final int FIRST_PIECES = 16;

    private final Dialect dialect;
    private final StringBuilder sql;
    private Object[] pieces;
    private int size;
    private final List<Object> binds = new ArrayList<>(8);
    private final List<Scope> scopes = new ArrayList<>(2);

    /** The tables one (sub)query reads; columns are qualified with their table when {@code qualify}. */
    record Scope(List<EntityModel<?>> tables, boolean qualify) {
    }

    private SqlWriter(Dialect dialect, boolean text) {
        this.dialect = dialect;
        this.sql = text ? new StringBuilder(128) : null;
        this.pieces = text ? null : new Object[FIRST_PIECES];
    }

    /** A writer of the SQL text. */
    static SqlWriter text(Dialect dialect) {
        return new SqlWriter(dialect, true);
    }

    /** A writer of the statement's {@link #shape() shape}, which writes no text. */
    static SqlWriter shape(Dialect dialect) {
        return new SqlWriter(dialect, false);
    }

    Dialect dialect() {
        return dialect;
    }

    String sql() {
        return sql.toString();
    }

    /** What a shape writer recorded. */
    ShapeKey shape() {
        return new ShapeKey(pieces, size);
    }

    List<Object> binds() {
        return binds;
    }

    private void record(Object piece) {
        if (size == pieces.length) {
            pieces = java.util.Arrays.copyOf(pieces, size * 2);
        }
        pieces[size++] = piece;
    }

    /** Every column of {@code model}, in attribute order, as the select list of a query reading it. */
    void entityColumns(EntityModel<?> model) {
        boolean qualify = scopes.getLast().qualify();
        if (sql == null) {
            record(qualify ? Token.QUALIFIED_ENTITY : Token.ENTITY);
            record(model);
            return;
        }
        List<? extends dev.osprey.mapping.Attribute<?, ?>> attributes = model.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            if (qualify) {
                sql.append(dialect.quote(model.table())).append('.');
            }
            sql.append(dialect.quote(attributes.get(i).column()));
        }
    }

    /** {@code rows} rows of {@code width} placeholders each: {@code (?, ?), (?, ?)}. */
    void placeholderRows(int width, int rows) {
        if (sql == null) {
            record(Token.ROWS);
            record(width);
            record(rows);
            return;
        }
        String row = "(" + "?, ".repeat(width - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(row);
        }
    }

    SqlWriter append(String text) {
        if (sql != null) {
            sql.append(text);
        } else {
            record(text);
        }
        return this;
    }

    SqlWriter quoted(String identifier) {
        if (sql != null) {
            sql.append(dialect.quote(identifier));
        } else {
            record(Token.QUOTED);
            record(identifier);
        }
        return this;
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
        Scope scope = scopeOf(c);   // checks the column's table in both modes
        boolean decimal = numeric && c.attribute().type().sqlType() == SqlType.DECIMAL;
        if (sql == null) {
            record(scope.qualify() ? (decimal ? Token.QUALIFIED_DECIMAL_COLUMN : Token.QUALIFIED_COLUMN)
                    : (decimal ? Token.DECIMAL_COLUMN : Token.COLUMN));
            record(c.model().table());
            record(c.name());
            return;
        }
        String rendered = scope.qualify() ? dialect.quote(c.model().table()) + "." + dialect.quote(c.name())
                : dialect.quote(c.name());
        append(decimal ? dialect.decimalOperand(rendered) : rendered);
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
                    record(Token.CONCAT);
                    for (int i = 0; i < f.arguments().size(); i++) {
                        if (i > 0) {
                            record(Token.NEXT_PART);
                        }
                        expression(f.arguments().get(i));
                    }
                    record(Token.END_CONCAT);
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
