package dev.osprey.internal.driver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts a value as a JDBC driver returned it into the Java type a caller asked for, across the
 * representations the three databases use for the same thing (an SQLite integer for a boolean, text
 * for a date-time, a {@code timestamptz} for an instant). Stateless and thread-safe.
 */
public final class ValueConverter {
    private ValueConverter() {
    }

    /**
     * @throws IllegalArgumentException if {@code value} cannot represent a {@code type}
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return (T) value;
        }
        Object converted = convertNonNull(value, type);
        if (converted == null) {
            throw new IllegalArgumentException("holds a " + value.getClass().getName() + ", which cannot be read as "
                    + type.getName());
        }
        return (T) converted;
    }

    /**
     * {@link #convert} to {@code type}, made once for a column and used for all its values: the
     * representation a driver usually gives for {@code type} takes a direct path, anything else goes
     * through {@code convert}. A primitive {@code type} converts to its box.
     */
    @SuppressWarnings("unchecked")
    public static <T> Function<Object, T> to(Class<T> type) {
        Class<?> boxed = boxed(type);
        Function<Object, ?> conversion;
        if (boxed == Long.class) {
            conversion = v -> v instanceof Long l ? l : v instanceof Integer i ? Long.valueOf(i) : convert(v, Long.class);
        } else if (boxed == Integer.class) {
            conversion = v -> v instanceof Integer i ? i : convert(v, Integer.class);
        } else if (boxed == Short.class) {
            conversion = v -> v instanceof Integer i && i == i.shortValue() ? Short.valueOf(i.shortValue())
                    : convert(v, Short.class);
        } else if (boxed == String.class) {
            conversion = v -> v instanceof String s ? s : convert(v, String.class);
        } else if (boxed == Instant.class) {
            conversion = v -> v instanceof String s ? textInstant(s) : convert(v, Instant.class);
        } else if (boxed == LocalDateTime.class) {
            conversion = v -> {
                LocalDateTime t = v instanceof String s ? storedDateTime(s) : null;
                return t != null ? t : convert(v, LocalDateTime.class);
            };
        } else {
            conversion = v -> convert(v, boxed);
        }
        return (Function<Object, T>) conversion;
    }

    /** SQLite's stored form of an instant read directly; any other text through {@link #convert}. */
    private static Instant textInstant(String text) {
        LocalDateTime stored = storedDateTime(text);
        return stored != null ? stored.toInstant(ZoneOffset.UTC) : convert(text, Instant.class);
    }

    /** {@code text} in SQLite's stored form, else null (also when a field is out of range: {@code convert} says so). */
    private static LocalDateTime storedDateTime(String text) {
        try {
            return dev.osprey.internal.sql.DateTimeText.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** {@code type}, or its box when it is a primitive. */
    public static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    private static Object convertNonNull(Object value, Class<?> type) {
        try {
            if (type == Long.class || type == long.class) {
                return toNumber(value).map(n -> exactLong(n)).orElse(null);
            }
            if (type == Integer.class || type == int.class) {
                return toNumber(value).map(n -> Math.toIntExact(exactLong(n))).orElse(null);
            }
            if (type == Byte.class || type == byte.class) {
                return toNumber(value).map(n -> narrowByte(exactLong(n))).orElse(null);
            }
            if (type == Short.class || type == short.class) {
                return toNumber(value).map(n -> narrowShort(exactLong(n))).orElse(null);
            }
            if (type == Double.class || type == double.class) {
                return toNumber(value).map(Number::doubleValue).orElse(null);
            }
            if (type == Float.class || type == float.class) {
                return toNumber(value).map(Number::floatValue).orElse(null);
            }
            if (type == BigDecimal.class) {
                return toNumber(value).map(ValueConverter::toBigDecimal).orElse(null);
            }
            if (type == Boolean.class || type == boolean.class) {
                return toBoolean(value);
            }
            if (type == String.class) {
                return toText(value);
            }
            if (type == byte[].class) {
                return toBytes(value);
            }
            if (type == UUID.class) {
                return toUuid(value);
            }
            if (type == Instant.class) {
                return toInstant(value);
            }
            if (type == OffsetDateTime.class) {
                Instant instant = toInstant(value);
                return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
            }
            if (type == LocalDateTime.class) {
                return toLocalDateTime(value);
            }
            if (type == LocalDate.class) {
                return toLocalDate(value);
            }
            if (type == LocalTime.class) {
                return toLocalTime(value);
            }
            if (type.isEnum()) {
                return toEnum(value, type);
            }
            return null;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("holds " + value + ", which does not fit in " + type.getName(), e);
        } catch (NumberFormatException | java.time.DateTimeException e) {   // DateTimeParseException, or a field out of range
            throw new IllegalArgumentException("holds text that cannot be read as " + type.getName(), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("holds")) {
                throw e;
            }
            throw new IllegalArgumentException("holds a value that cannot be read as " + type.getName(), e);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<Number> toNumber(Object value) {
        if (value instanceof Number n) {
            return java.util.Optional.of(n);
        }
        if (value instanceof Boolean b) {
            return java.util.Optional.of(b ? 1 : 0);
        }
        if (value instanceof String s) {
            return java.util.Optional.of(new BigDecimal(s.strip()));
        }
        return java.util.Optional.empty();
    }

    private static long exactLong(Number n) {
        return switch (n) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Byte b -> b;
            case BigDecimal d -> d.longValueExact();
            case BigInteger i -> i.longValueExact();
            default -> {
                double d = n.doubleValue();
                if (d != Math.rint(d) || Double.isInfinite(d)) {
                    throw new ArithmeticException("not a whole number");
                }
                yield new BigDecimal(d).longValueExact();
            }
        };
    }

    private static short narrowShort(long value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new ArithmeticException("out of range");
        }
        return (short) value;
    }

    private static byte narrowByte(long value) {
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
            throw new ArithmeticException("out of range");
        }
        return (byte) value;
    }

    private static BigDecimal toBigDecimal(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> new BigDecimal(f.toString());
            default -> BigDecimal.valueOf(n.longValue());
        };
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Number n) {
            return exactLong(n) != 0;
        }
        if (value instanceof String s) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "t", "1", "yes", "y" -> true;
                case "false", "f", "0", "no", "n" -> false;
                default -> null;
            };
        }
        return null;
    }

    private static String toText(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof byte[] || value instanceof Blob) {
            return null;
        }
        return value.toString();
    }

    private static byte[] toBytes(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof UUID u) {
            return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                    .array();
        }
        return null;
    }

    private static UUID toUuid(Object value) {
        if (value instanceof String s) {
            return UUID.fromString(s.strip());
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return null;
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime t -> t.toInstant();
            case java.time.ZonedDateTime t -> t.toInstant();
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case Timestamp t -> t.toInstant();
            case String s -> parseInstant(s.strip());
            default -> null;
        };
    }

    private static LocalDateTime toLocalDateTime(Object value) {
        return switch (value) {
            case LocalDateTime t -> t;
            case Timestamp t -> t.toLocalDateTime();
            case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case String s -> LocalDateTime.ofInstant(parseInstant(s.strip()), ZoneOffset.UTC);
            case LocalDate d -> d.atStartOfDay();
            default -> null;
        };
    }

    private static LocalDate toLocalDate(Object value) {
        return switch (value) {
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            case LocalDateTime t -> t.toLocalDate();
            case String s -> s.strip().length() == 10 ? LocalDate.parse(s.strip())
                    : LocalDateTime.ofInstant(parseInstant(s.strip()), ZoneOffset.UTC).toLocalDate();
            default -> null;
        };
    }

    private static LocalTime toLocalTime(Object value) {
        return switch (value) {
            case LocalTime t -> t;
            case java.sql.Time t -> t.toLocalTime();
            case String s -> LocalTime.parse(s.strip());
            default -> null;
        };
    }

    private static Object toEnum(Object value, Class<?> type) {
        Object[] constants = type.getEnumConstants();
        if (value instanceof String s) {
            for (Object constant : constants) {
                if (((Enum<?>) constant).name().equals(s)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("holds '" + s + "', which is not a constant of " + type.getName());
        }
        if (value instanceof Number n) {
            long ordinal = exactLong(n);
            if (ordinal < 0 || ordinal >= constants.length) {
                throw new IllegalArgumentException("holds " + ordinal + ", which is not an ordinal of " + type.getName());
            }
            return constants[(int) ordinal];
        }
        return null;
    }

    /** Reads {@code yyyy-MM-dd[ T]HH:mm[:ss[.f]]} with an optional {@code Z} or offset; no zone means UTC. */
    private static Instant parseInstant(String text) {
        LocalDateTime stored = dev.osprey.internal.sql.DateTimeText.parse(text);   // SQLite's own form, fast
        if (stored != null) {
            return stored.toInstant(ZoneOffset.UTC);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(iso,
                OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime t ? t.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
