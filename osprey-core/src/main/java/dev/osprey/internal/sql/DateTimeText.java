package dev.osprey.internal.sql;

import java.time.LocalDateTime;

/**
 * The text form {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in which SQLite stores date-times (and MariaDB reads
 * them), written and read digit by digit: {@code DateTimeFormatter} costs a few hundred nanoseconds per
 * value to write and, through {@code parseBest}, microseconds and an exception to read, which showed
 * in every SQLite timestamp column. Years outside 0000–9999 fall back to the general formatter and
 * parser. Stateless and thread-safe.
 */
public final class DateTimeText {
    static final int LENGTH = 26;

    private DateTimeText() {
    }

    /** {@code value} (its micro-of-second; nanos below are dropped) as {@code yyyy-MM-dd HH:mm:ss.SSSSSS}. */
    public static String format(LocalDateTime value) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return Dialect.DATE_TIME.format(value);
        }
        char[] out = new char[LENGTH];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, value.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, value.getDayOfMonth(), 2);
        out[10] = ' ';
        digits(out, 11, value.getHour(), 2);
        out[13] = ':';
        digits(out, 14, value.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, value.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, value.getNano() / 1000, 6);
        return new String(out);
    }

    /**
     * Writes {@code value} (a year in 0000–9999; its micro-of-second) as ASCII {@code yyyy-MM-dd HH:mm:ss.SSSSSS}
     * into {@code out} from {@code at}: the index after it. For writers of bytes (COPY), without a String between.
     */
    static int write(LocalDateTime value, byte[] out, int at) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("a year outside 0000-9999: " + year);
        }
        digits(out, at, year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, value.getMonthValue(), 2);
        out[at + 7] = '-';
        digits(out, at + 8, value.getDayOfMonth(), 2);
        out[at + 10] = ' ';
        digits(out, at + 11, value.getHour(), 2);
        out[at + 13] = ':';
        digits(out, at + 14, value.getMinute(), 2);
        out[at + 16] = ':';
        digits(out, at + 17, value.getSecond(), 2);
        out[at + 19] = '.';
        digits(out, at + 20, value.getNano() / 1000, 6);
        return at + LENGTH;
    }

    /**
     * Reads exactly {@code yyyy-MM-dd HH:mm:ss.SSSSSS} (also with a {@code T} between date and time), or
     * gives null when the text has another shape, for the caller's general parser to deal with.
     */
    public static LocalDateTime parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != ' ' && text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(19) != '.') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int micros = number(text, 20, 6);
        if ((year | month | day | hour | minute | second | micros) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);   // checks the ranges
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number in {@code text[at, at + width)}, or -1 if a character is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
