package dev.osprey.bench.jdbc;

import dev.osprey.bench.BenchDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The SQL text of the journal table on one database, written by hand: quoted names as Osprey's
 * dialects quote them, and the timestamp column bound and read in the form the column was created
 * with (PostgreSQL {@code timestamptz}, MariaDB UTC in {@code DATETIME(6)}, SQLite text
 * {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC, parsed by hand since the format is fixed). Immutable and
 * thread-safe.
 */
public final class JournalSql {
    private final BenchDatabase database;
    public final String table;
    public final String columns;
    public final String insert;
    public final String selectById;
    public final String selectByText;
    public final String selectByLevel;
    public final String selectPage;
    public final String updateText;
    public final String increment;
    public final String deleteById;

    public JournalSql(BenchDatabase database) {
        this.database = database;
        table = q("bench_journal");
        String id = q("id");
        columns = id + ", " + q("timestamp") + ", " + q("level") + ", " + q("text") + ", " + q("count");
        insert = "INSERT INTO " + table + " (" + q("timestamp") + ", " + q("level") + ", " + q("text") + ", "
                + q("count") + ") VALUES (?, ?, ?, ?)";
        selectById = "SELECT " + columns + " FROM " + table + " WHERE " + id + " = ?";
        selectByText = "SELECT " + columns + " FROM " + table + " WHERE " + q("text") + " = ?";
        selectByLevel = "SELECT " + columns + " FROM " + table + " WHERE " + q("level") + " = ?";
        selectPage = "SELECT " + columns + " FROM " + table + " WHERE " + id + " > ? ORDER BY " + id + " LIMIT ?";
        updateText = "UPDATE " + table + " SET " + q("text") + " = ? WHERE " + id + " = ?";
        increment = "UPDATE " + table + " SET " + q("count") + " = " + q("count") + " + 1 WHERE " + id + " = ?";
        deleteById = "DELETE FROM " + table + " WHERE " + id + " = ?";
    }

    public BenchDatabase database() {
        return database;
    }

    /** A quoted name. */
    public String q(String name) {
        return database == BenchDatabase.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
    }

    /** {@code INSERT … VALUES (…), (…) …} of {@code rows} rows, with {@code RETURNING id} when asked. */
    public String multiRowInsert(int rows, boolean returningId) {
        StringBuilder sql = new StringBuilder(insert.length() + rows * 16);
        sql.append(insert, 0, insert.indexOf(" VALUES ") + 8);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        if (returningId) {
            sql.append(" RETURNING ").append(q("id"));
        }
        return sql.toString();
    }

    /** {@code INSERT … RETURNING id} of one row. */
    public String insertReturningId() {
        return multiRowInsert(1, true);
    }

    /** Binds an instant the way the column stores it. */
    public void bindTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        Instant micros = value.truncatedTo(ChronoUnit.MICROS);
        switch (database) {
            case POSTGRESQL -> ps.setObject(index, OffsetDateTime.ofInstant(micros, ZoneOffset.UTC));
            case MARIADB -> ps.setObject(index, LocalDateTime.ofInstant(micros, ZoneOffset.UTC));
            case SQLITE -> ps.setString(index, sqliteText(micros));
        }
    }

    /** Reads the timestamp column. */
    public Instant readTimestamp(ResultSet rs, int index) throws SQLException {
        return switch (database) {
            case POSTGRESQL -> rs.getObject(index, OffsetDateTime.class).toInstant();
            case MARIADB -> rs.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            case SQLITE -> parseSqliteText(rs.getString(index));
        };
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC, as Osprey stores instants on SQLite. */
    public static String sqliteText(Instant value) {
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] out = new char[26];
        LocalDate date = LocalDate.ofEpochDay(day);   // the one java.time call: dates are not worth caching here
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = ' ';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, value.getNano() / 1_000, 6);
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Parses the fixed form {@link #sqliteText} writes. */
    public static Instant parseSqliteText(String s) {
        if (s.length() != 26) {
            throw new IllegalArgumentException("unexpected SQLite timestamp '" + s + "'");
        }
        return LocalDateTime.of(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2), number(s, 11, 2),
                number(s, 14, 2), number(s, 17, 2), number(s, 20, 6) * 1_000).toInstant(ZoneOffset.UTC);
    }

    private static int number(String s, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /** A row of the journal as a plain record (the hand-written implementation's "entity"). */
    public JournalRecord read(ResultSet rs) throws SQLException {
        return new JournalRecord(rs.getLong(1), readTimestamp(rs, 2), rs.getShort(3), rs.getString(4), rs.getInt(5));
    }
}
