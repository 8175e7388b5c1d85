package dev.osprey.internal.sql;

import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} in text format through pgjdbc's {@link CopyIn}. Rows are
 * written as UTF-8 (pgjdbc's client encoding) into a 64 KiB buffer that goes to the server each time
 * it is full, so any number of rows streams in chunks. Each value is written as the text of what
 * {@link PostgresDialect#bind} sends for it: NULL as {@code \N}; backslash, tab, newline and carriage
 * return escaped; temporals truncated to microseconds, instants in UTC; bytes as {@code bytea} hex; a
 * {@code float} as the {@code double} it widens to, which is what pgjdbc's binary {@code float4} stores
 * in {@code REAL} and {@code DOUBLE PRECISION} columns alike. Dates outside the years 1–9999 (BC
 * dates, infinity) take pgjdbc's own text for them. One instance serves one load. Not thread-safe,
 * except {@link #cancel()}.
 */
final class PostgresCopy implements BulkLoad {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private final BaseConnection connection;
    private final byte[] buffer = new byte[CHUNK];
    private final byte[] digits = new byte[20];
    private int size;
    private CopyIn copy;

    PostgresCopy(Connection connection) throws SQLException {
        this.connection = connection.unwrap(BaseConnection.class);
    }

    @Override
    public long load(String sql, List<Object> values, int width) throws SQLException {
        if (width < 1 || values.size() % width != 0) {
            throw new IllegalArgumentException(values.size() + " values are no whole rows of " + width);
        }
        try {
            copy = connection.getCopyAPI().copyIn(sql);
            int column = 0;
            for (Object value : values) {
                value(value);
                if (++column == width) {
                    put('\n');
                    column = 0;
                } else {
                    put('\t');
                }
            }
            flush();
            return copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    @Override
    public void cancel() throws SQLException {
        connection.cancelQuery();
    }

    /** Ends a copy still in progress on the server (CopyFail), so that the connection is in sync again. */
    private void abort(Exception failure) {
        size = 0;
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    // ---------------------------------------------------------------- values

    private void value(Object value) throws SQLException {
        switch (value) {
            case null -> {
                put('\\');
                put('N');
            }
            case String s -> text(s);
            case Integer i -> number(i);
            case Long l -> number(l);
            case Short s -> number(s);
            case Byte b -> number(b);
            case Boolean b -> put(b ? 't' : 'f');
            case Double d -> ascii(Double.toString(d));
            case Float f -> ascii(Double.toString(f.doubleValue()));
            case BigDecimal d -> ascii(d.toString());
            case BigInteger i -> ascii(i.toString());
            case byte[] bytes -> bytea(bytes);
            case Character c -> text(c.toString());
            case UUID u -> ascii(u.toString());
            case Instant t -> instant(t);
            case OffsetDateTime t -> instant(t.toInstant());
            case ZonedDateTime t -> instant(t.toInstant());
            case LocalDateTime t -> localDateTime(t.truncatedTo(ChronoUnit.MICROS));
            case LocalDate d -> ascii(ordinaryYear(d.getYear()) ? d.toString() : timestamps().toString(d));
            case LocalTime t -> ascii(Dialect.TIME.format(t.truncatedTo(ChronoUnit.MICROS)));
            case Enum<?> e -> text(e.name());
            default -> throw Dialect.unbindable(value, "a COPY value");
        }
    }

    /** Years that {@code yyyy-MM-dd} says the same to Java and PostgreSQL (no year 0, no BC, four digits). */
    private static boolean ordinaryYear(int year) {
        return year >= 1 && year <= 9999;
    }

    private TimestampUtils timestamps() {
        return connection.getTimestampUtils();
    }

    private void instant(Instant value) throws SQLException {
        OffsetDateTime utc = OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        if (ordinaryYear(utc.getYear())) {
            ascii(DateTimeText.format(utc.toLocalDateTime()));
            ascii("+00");
        } else {
            ascii(timestamps().toString(utc));
        }
    }

    private void localDateTime(LocalDateTime value) throws SQLException {
        ascii(ordinaryYear(value.getYear()) ? DateTimeText.format(value) : timestamps().toString(value));
    }

    /** Text in COPY's escaping, as UTF-8; a lone surrogate becomes {@code ?}, as in {@link String#getBytes}. */
    private void text(String s) throws SQLException {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escaped('\\');
                    case '\t' -> escaped('t');
                    case '\n' -> escaped('n');
                    case '\r' -> escaped('r');
                    default -> put(c);
                }
            } else if (c < 0x800) {
                put(0xC0 | c >> 6);
                put(0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int code = Character.toCodePoint(c, s.charAt(++i));
                put(0xF0 | code >> 18);
                put(0x80 | code >> 12 & 0x3F);
                put(0x80 | code >> 6 & 0x3F);
                put(0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                put('?');
            } else {
                put(0xE0 | c >> 12);
                put(0x80 | c >> 6 & 0x3F);
                put(0x80 | c & 0x3F);
            }
        }
    }

    private void escaped(char c) throws SQLException {
        put('\\');
        put(c);
    }

    /** {@code \\x} and hex digits: bytea's hex input, its backslash escaped for COPY. */
    private void bytea(byte[] bytes) throws SQLException {
        escaped('\\');
        put('x');
        for (byte b : bytes) {
            put(HEX[b >> 4 & 0xF]);
            put(HEX[b & 0xF]);
        }
    }

    private void number(long value) throws SQLException {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            put('-');
            value = -value;
        }
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (at < digits.length) {
            put(digits[at++]);
        }
    }

    /** Text known to be ASCII without characters COPY escapes. */
    private void ascii(String s) throws SQLException {
        for (int i = 0, n = s.length(); i < n; i++) {
            put(s.charAt(i));
        }
    }

    // ---------------------------------------------------------------- buffer

    private void put(int b) throws SQLException {
        if (size == buffer.length) {
            flush();
        }
        buffer[size++] = (byte) b;
    }

    private void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }
    }
}
