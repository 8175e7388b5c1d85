package dev.osprey.internal.sql;

import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano() / 1000 * 1000,
                ZoneOffset.UTC);
        if (ordinaryYear(utc.getYear())) {
            dateTime(utc);
            ascii("+00");
        } else {
            ascii(timestamps().toString(OffsetDateTime.of(utc, ZoneOffset.UTC)));
        }
    }

    private void localDateTime(LocalDateTime value) throws SQLException {
        if (ordinaryYear(value.getYear())) {
            dateTime(value);
        } else {
            ascii(timestamps().toString(value));
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS} of an ordinary year, straight into the buffer. */
    private void dateTime(LocalDateTime value) throws SQLException {
        room(DateTimeText.LENGTH);
        size = DateTimeText.write(value, buffer, size);
    }

    /**
     * Text in COPY's escaping, as UTF-8 ({@link String#getBytes}: a lone surrogate becomes {@code ?}). The
     * bytes COPY escapes are ASCII, never part of a multi-byte character, so the encoded bytes are copied
     * in runs between them.
     */
    private void text(String s) throws SQLException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                raw(bytes, from, i);
                escaped(b == '\\' ? '\\' : b == '\t' ? 't' : b == '\n' ? 'n' : 'r');
                from = i + 1;
            }
        }
        raw(bytes, from, bytes.length);
    }

    /** {@code bytes[from, to)} as they are. */
    private void raw(byte[] bytes, int from, int to) throws SQLException {
        while (from < to) {
            room(1);
            int length = Math.min(to - from, buffer.length - size);
            System.arraycopy(bytes, from, buffer, size, length);
            size += length;
            from += length;
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
        room(20);
        byte[] out = buffer;
        if (value < 0) {
            out[size++] = '-';
            value = -value;
        }
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        int length = digits.length - at;
        System.arraycopy(digits, at, out, size, length);
        size += length;
    }

    /** Text known to be ASCII without characters COPY escapes. */
    private void ascii(String s) throws SQLException {
        for (int i = 0, n = s.length(); i < n; ) {
            room(1);
            int end = Math.min(n, i + buffer.length - size);
            int at = size;
            for (; i < end; i++) {
                buffer[at++] = (byte) s.charAt(i);
            }
            size = at;
        }
    }

    // ---------------------------------------------------------------- buffer

    /** Makes room for {@code bytes} more (at most the buffer's size), sending what it holds if need be. */
    private void room(int bytes) throws SQLException {
        if (buffer.length - size < bytes) {
            flush();
        }
    }

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
