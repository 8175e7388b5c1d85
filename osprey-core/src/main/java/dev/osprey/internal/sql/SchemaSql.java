package dev.osprey.internal.sql;

import dev.osprey.annotation.OnDelete;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.IndexModel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders the DDL of one entity for one {@link Dialect}: {@code CREATE TABLE IF NOT EXISTS} with its
 * columns, primary key, named unique constraints ({@code uq_<table>_<column>}) and foreign keys
 * ({@code fk_<table>_<column>}), then its indexes, and {@code DROP TABLE IF EXISTS}. Every name is
 * quoted, and default values become literals of the column's type after they are checked; mistakes
 * in a model are {@link IllegalArgumentException}s naming the entity and field. A name longer than
 * the database keeps whole is cut and ends in a hash of the full name, so it stays unique.
 * Immutable and thread-safe.
 */
public final class SchemaSql {
    private static final String INDENT = "    ";

    private final Dialect dialect;

    public SchemaSql(Dialect dialect) {
        this.dialect = dialect;
    }

    /** {@code CREATE TABLE IF NOT EXISTS} for {@code model}, with its constraints but not its indexes. */
    public String createTable(EntityModel<?> model) {
        String table = model.table();
        List<String> lines = new ArrayList<>();
        for (Attribute<?, ?> attribute : model.attributes()) {
            lines.add(column(model, attribute));
        }
        for (Attribute<?, ?> attribute : model.attributes()) {
            if (attribute.isUnique() && !attribute.isId()) {
                lines.add("CONSTRAINT " + quote(name("uq", table, attribute.column())) + " UNIQUE ("
                        + quote(attribute.column()) + ")");
            }
        }
        for (Attribute<?, ?> attribute : model.attributes()) {
            if (attribute.references() != null) {
                lines.add(foreignKey(model, attribute));
            }
        }
        return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (\n" + INDENT + String.join(",\n" + INDENT, lines)
                + "\n)" + dialect.tableOptions();
    }

    /** One {@code CREATE [UNIQUE] INDEX} per index of {@code model}; {@code IF NOT EXISTS} where there is one. */
    public List<String> createIndexes(EntityModel<?> model) {
        Set<String> columns = new HashSet<>();
        model.attributes().forEach(a -> columns.add(a.column()));
        List<String> statements = new ArrayList<>();
        for (IndexModel index : model.indexes()) {
            for (String column : index.columns()) {
                if (!columns.contains(column)) {
                    throw new IllegalArgumentException("index " + index.name() + " of " + entity(model)
                            + " names the column '" + column + "', which the table does not have; its columns are "
                            + columns);
                }
            }
            statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                    + (dialect.supportsCreateIndexIfNotExists() ? "IF NOT EXISTS " : "")
                    + quote(shorten(index.name())) + " ON " + quote(model.table()) + " ("
                    + index.columns().stream().map(this::quote).collect(Collectors.joining(", ")) + ")");
        }
        return statements;
    }

    /** {@code DROP TABLE IF EXISTS} for {@code model}. */
    public String dropTable(EntityModel<?> model) {
        return "DROP TABLE IF EXISTS " + quote(model.table());
    }

    // ---------------------------------------------------------------- columns

    private String column(EntityModel<?> model, Attribute<?, ?> attribute) {
        ColumnType type = attribute.type();
        var sql = new StringBuilder(quote(attribute.column())).append(' ');
        if (attribute.isGenerated()) {
            if (!attribute.isId()) {
                throw new IllegalArgumentException(field(model, attribute) + " is generated, but only the id can be");
            }
            switch (type.sqlType()) {
                case SMALLINT, INTEGER, BIGINT -> sql.append(dialect.identityColumn(type));
                default -> throw new IllegalArgumentException(field(model, attribute) + " is a generated id of type "
                        + type.sqlType() + "; generated ids must be SMALLINT, INTEGER or BIGINT");
            }
            if (hasDefault(attribute)) {
                throw new IllegalArgumentException(field(model, attribute) + " is generated and cannot have a default");
            }
            return sql.toString();
        }
        sql.append(dialect.typeName(type));
        if (!attribute.isNullable()) {
            sql.append(" NOT NULL");   // also on the id: SQLite lets other primary keys hold NULL
        }
        if (hasDefault(attribute)) {
            sql.append(" DEFAULT ").append(dialect.defaultValue(type, defaultValue(model, attribute)));
        }
        if (attribute.isId()) {
            sql.append(" PRIMARY KEY");
        }
        return sql.toString();
    }

    private String foreignKey(EntityModel<?> model, Attribute<?, ?> attribute) {
        EntityModel<?> target = EntityModel.of(attribute.references());
        Attribute<?, ?> targetId = target.id();
        if (attribute.type().sqlType() != targetId.type().sqlType()) {
            throw new IllegalArgumentException(field(model, attribute) + " references " + entity(target) + " but is "
                    + attribute.type().sqlType() + " while " + field(target, targetId) + " is "
                    + targetId.type().sqlType() + "; a foreign key must have the type of the id it refers to");
        }
        if (attribute.onDelete() == OnDelete.SET_NULL && !attribute.isNullable()) {
            throw new IllegalArgumentException(field(model, attribute) + " is NOT NULL, so ON DELETE SET_NULL cannot "
                    + "apply; make it nullable or choose another action");
        }
        String action = switch (attribute.onDelete()) {
            case NO_ACTION -> "";
            case RESTRICT -> " ON DELETE RESTRICT";
            case CASCADE -> " ON DELETE CASCADE";
            case SET_NULL -> " ON DELETE SET NULL";
        };
        return "CONSTRAINT " + quote(name("fk", model.table(), attribute.column())) + " FOREIGN KEY ("
                + quote(attribute.column()) + ") REFERENCES " + quote(target.table()) + " ("
                + quote(targetId.column()) + ")" + action;
    }

    // ---------------------------------------------------------------- default values

    /** {@code @Column(defaultValue = "")} means "none": a default is a non-empty literal. */
    private static boolean hasDefault(Attribute<?, ?> attribute) {
        return attribute.defaultValue() != null && !attribute.defaultValue().isEmpty();
    }

    /** The default literal parsed as a value of the column's type, or an exception naming the entity and field. */
    private static Object defaultValue(EntityModel<?> model, Attribute<?, ?> attribute) {
        String text = attribute.defaultValue();
        ColumnType type = attribute.type();
        try {
            return parse(type, text);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            String reason = switch (e) {
                case NumberFormatException n -> "not a number";
                case ArithmeticException a -> "not a whole number";
                default -> e.getMessage();
            };
            throw new IllegalArgumentException("invalid default value '" + text + "' for " + field(model, attribute)
                    + " (" + type.sqlType() + "): " + reason, e);
        }
    }

    private static Object parse(ColumnType type, String text) {
        return switch (type.sqlType()) {
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("a boolean default must be true or false");
            };
            case SMALLINT -> integer(text, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
            case REAL, DOUBLE -> {
                BigDecimal value = new BigDecimal(text);
                if (!Double.isFinite(value.doubleValue())) {
                    throw new IllegalArgumentException("out of range");
                }
                yield value;
            }
            case DECIMAL -> decimal(type, new BigDecimal(text));
            case VARCHAR, TEXT -> {
                if (text.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("text cannot hold the NUL character");
                }
                if (type.length() > 0 && text.codePointCount(0, text.length()) > type.length()) {
                    throw new IllegalArgumentException("longer than the column's " + type.length() + " characters");
                }
                yield text;
            }
            case UUID -> {
                UUID value = UUID.fromString(text);
                if (!value.toString().equalsIgnoreCase(text)) {
                    throw new IllegalArgumentException("not a UUID in its 8-4-4-4-12 hex form");
                }
                yield value;
            }
            case TIMESTAMP_UTC -> Instant.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
            case DATE -> LocalDate.parse(text);
            case TIME -> LocalTime.parse(text);
            case BINARY -> throw new IllegalArgumentException("binary columns take no default value");
        };
    }

    private static BigInteger integer(String text, long min, long max) {
        BigInteger value = new BigDecimal(text).toBigIntegerExact();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("out of range " + min + ".." + max);
        }
        return value;
    }

    private static BigDecimal decimal(ColumnType type, BigDecimal value) {
        if (type.precision() > 0) {
            BigDecimal stripped = value.stripTrailingZeros();
            int integerDigits = stripped.precision() - stripped.scale();
            if (stripped.scale() > type.scale() || integerDigits > type.precision() - type.scale()) {
                throw new IllegalArgumentException("does not fit DECIMAL(" + type.precision() + ", " + type.scale()
                        + ")");
            }
        }
        return value;
    }

    // ---------------------------------------------------------------- names

    private String quote(String identifier) {
        return dialect.quote(identifier);
    }

    /** {@code <prefix>_<table>_<column>}, shortened if needed. */
    private String name(String prefix, String table, String column) {
        return shorten(prefix + "_" + table + "_" + column);
    }

    /**
     * {@code name} if the database keeps it whole, else its longest prefix that fits with an
     * underscore and eight hex digits of the full name's hash (so two long names stay apart).
     */
    private String shorten(String name) {
        int max = dialect.maxIdentifierLength();
        if (utf8Length(name) <= max) {
            return name;
        }
        String suffix = "_" + String.format(Locale.ROOT, "%08x", name.hashCode());
        int end = name.length();
        while (end > 0 && utf8Length(name.substring(0, end)) + suffix.length() > max) {
            end = name.offsetByCodePoints(end, -1);
        }
        return name.substring(0, end) + suffix;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String entity(EntityModel<?> model) {
        return model.type().getSimpleName();
    }

    private static String field(EntityModel<?> model, Attribute<?, ?> attribute) {
        return entity(model) + "." + attribute.property();
    }
}
