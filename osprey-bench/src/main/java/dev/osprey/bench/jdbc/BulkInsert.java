package dev.osprey.bench.jdbc;

import dev.osprey.bench.Entry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The ways hand-written JDBC stores many rows in one transaction; the benchmark reports each and takes
 * the best as the ceiling. Each gives the rows stored (with ids: the rows whose id it read back).
 */
public enum BulkInsert {
    /** One-row INSERT in a JDBC batch of 1,000 (pgjdbc rewrites it into multi-row statements). */
    BATCH("batch") {
        @Override
        long insert(Connection c, JournalSql sql, List<Entry> entries) throws SQLException {
            long stored = 0;
            try (PreparedStatement ps = c.prepareStatement(sql.insert)) {
                for (int from = 0; from < entries.size(); from += CHUNK) {
                    int to = Math.min(entries.size(), from + CHUNK);
                    for (Entry entry : entries.subList(from, to)) {
                        bind(sql, ps, 0, entry);
                        ps.addBatch();
                    }
                    for (int count : ps.executeBatch()) {
                        stored += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
                    }
                }
            }
            return stored;
        }
    },
    /** {@code INSERT … VALUES (…), (…)} of 1,000 rows per statement, written out by hand. */
    MULTI_ROW("multi-row") {
        @Override
        long insert(Connection c, JournalSql sql, List<Entry> entries) throws SQLException {
            long stored = 0;
            PreparedStatement full = null;
            try {
                for (int from = 0; from < entries.size(); from += CHUNK) {
                    int to = Math.min(entries.size(), from + CHUNK);
                    if (to - from == CHUNK) {
                        if (full == null) {
                            full = c.prepareStatement(sql.multiRowInsert(CHUNK, false));
                        }
                        stored += run(sql, full, entries.subList(from, to));
                    } else {
                        try (PreparedStatement rest = c.prepareStatement(sql.multiRowInsert(to - from, false))) {
                            stored += run(sql, rest, entries.subList(from, to));
                        }
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
            return stored;
        }

        private long run(JournalSql sql, PreparedStatement ps, List<Entry> rows) throws SQLException {
            for (int i = 0; i < rows.size(); i++) {
                bind(sql, ps, i * 4, rows.get(i));
            }
            return ps.executeUpdate();
        }
    },
    /** PostgreSQL's {@code COPY … FROM STDIN} in text format: no statement per row at all (no ids). */
    COPY("COPY") {
        @Override
        long insert(Connection c, JournalSql sql, List<Entry> entries) throws SQLException, IOException {
            String copy = "COPY " + sql.table + " (" + sql.q("timestamp") + ", " + sql.q("level") + ", "
                    + sql.q("text") + ", " + sql.q("count") + ") FROM STDIN";
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                StringBuilder buffer = new StringBuilder(1 << 16);
                for (Entry entry : entries) {
                    buffer.append(JournalSql.sqliteText(entry.timestamp())).append("+00\t")
                            .append(entry.level()).append('\t');
                    escape(buffer, entry.text());
                    buffer.append("\t0\n");
                    if (buffer.length() > 60_000) {
                        write(in, buffer);
                    }
                }
                write(in, buffer);
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        private void write(CopyIn in, StringBuilder buffer) throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        private void escape(StringBuilder out, String text) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
    },
    /** {@code INSERT … VALUES (…), (…) … RETURNING id}, 1,000 rows per statement; ids read back. */
    RETURNING("RETURNING") {
        @Override
        long insert(Connection c, JournalSql sql, List<Entry> entries) throws SQLException {
            long[] ids = new long[entries.size()];
            int read = 0;
            PreparedStatement full = null;
            try {
                for (int from = 0; from < entries.size(); from += CHUNK) {
                    int to = Math.min(entries.size(), from + CHUNK);
                    List<Entry> rows = entries.subList(from, to);
                    if (rows.size() == CHUNK) {
                        if (full == null) {
                            full = c.prepareStatement(sql.multiRowInsert(CHUNK, true));
                        }
                        read = run(sql, full, rows, ids, read);
                    } else {
                        try (PreparedStatement rest = c.prepareStatement(sql.multiRowInsert(rows.size(), true))) {
                            read = run(sql, rest, rows, ids, read);
                        }
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
            return read;
        }

        private int run(JournalSql sql, PreparedStatement ps, List<Entry> rows, long[] ids, int at) throws SQLException {
            for (int i = 0; i < rows.size(); i++) {
                bind(sql, ps, i * 4, rows.get(i));
            }
            int start = at;
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    ids[at++] = rs.getLong(1);
                }
            }
            Arrays.sort(ids, start, at);   // ids follow row order; the order of returned rows is not promised
            return at;
        }
    },
    /** One-row INSERT in a JDBC batch of 1,000 with the generated keys read back (not sqlite-jdbc). */
    BATCH_KEYS("batch") {
        @Override
        long insert(Connection c, JournalSql sql, List<Entry> entries) throws SQLException {
            long[] ids = new long[entries.size()];
            int read = 0;
            try (PreparedStatement ps = c.prepareStatement(sql.insert, new String[] {"id"})) {
                for (int from = 0; from < entries.size(); from += CHUNK) {
                    int to = Math.min(entries.size(), from + CHUNK);
                    for (Entry entry : entries.subList(from, to)) {
                        bind(sql, ps, 0, entry);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next() && read < ids.length) {
                            ids[read++] = keys.getLong(1);
                        }
                    }
                }
            }
            return read;
        }
    };

    static final int CHUNK = 1000;

    private final String label;

    BulkInsert(String label) {
        this.label = label;
    }

    /** How the variant is named in the report: {@code jdbc (COPY)}. */
    public String label() {
        return label;
    }

    abstract long insert(Connection c, JournalSql sql, List<Entry> entries) throws SQLException, IOException;

    static void bind(JournalSql sql, PreparedStatement ps, int offset, Entry entry) throws SQLException {
        sql.bindTimestamp(ps, offset + 1, entry.timestamp());
        ps.setShort(offset + 2, entry.level());
        ps.setString(offset + 3, entry.text());
        ps.setInt(offset + 4, 0);
    }
}
