package dev.osprey.bench.osprey;

import dev.osprey.Database;
import dev.osprey.bench.Entry;
import dev.osprey.bench.JournalStore;
import dev.osprey.query.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;

/**
 * The workloads as an Osprey user writes them, through the public API only: a typed statement run
 * with {@code db.execute}/{@code db.scalars} wherever one statement does the job (Osprey runs it on a
 * pooled connection without an explicit transaction), and {@code db.transaction} for read-then-write,
 * where the unit of work is what a user reaches for. The caller blocks with {@code join()}, as code on
 * a virtual thread does. Statements are built per call from the generated {@code Journal_} columns, as
 * users build them. Thread-safe.
 */
public final class OspreyJournal implements JournalStore {
    private final Database db;

    public OspreyJournal(Database db) {
        this.db = db;
    }

    @Override
    public long insertOne(Entry entry) {
        Journal journal = new Journal(entry.timestamp(), entry.level(), entry.text());
        db.execute(insert(Journal.class).values(journal)).join();
        return journal.getId();
    }

    /**
     * Entities when ids are wanted (they come back through RETURNING); rows as maps of field names
     * when not, which is how Osprey inserts rows whose ids nobody needs.
     */
    @Override
    public long insertAll(List<Entry> entries, boolean ids) {
        if (!ids) {
            List<Map<String, Object>> rows = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                rows.add(Map.of("timestamp", e.timestamp(), "level", e.level(), "text", e.text(), "count", 0));
            }
            return db.execute(insert(Journal.class).values(rows)).join();
        }
        List<Journal> journals = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            journals.add(new Journal(e.timestamp(), e.level(), e.text()));
        }
        db.execute(insert(Journal.class).values(journals)).join();
        long withIds = 0;
        for (Journal journal : journals) {
            withIds += journal.getId() == null ? 0 : 1;
        }
        return withIds;
    }

    @Override
    public long get(long id) {
        Journal journal = db.scalar(select(Journal.class).where(Journal_.ID.eq(id))).join();
        return journal == null ? -1 : journal.getId();
    }

    @Override
    public int findByText(String text) {
        return db.scalars(select(Journal.class).where(Journal_.TEXT.eq(text))).join().size();
    }

    @Override
    public int findByLevel(short level) {
        return db.scalars(select(Journal.class).where(Journal_.LEVEL.eq(level))).join().size();
    }

    @Override
    public Page page(long afterId, int size) {
        List<Journal> page = db.scalars(select(Journal.class)
                .where(Journal_.ID.gt(afterId))
                .orderBy(Journal_.ID.asc())
                .limit(size)).join();
        return page.isEmpty() ? Page.EMPTY : new Page(page.size(), page.getLast().getId());
    }

    @Override
    public boolean readThenWrite(long id, String text) {
        return db.transaction(s -> s.get(Journal.class, id).thenApply(journal -> {
            if (journal == null) {
                return false;
            }
            journal.setText(text);   // the commit flushes the change
            return true;
        })).join();
    }

    @Override
    public long updateText(long id, String text) {
        return db.execute(update(Journal.class).set(Journal_.TEXT, text).where(Journal_.ID.eq(id))).join();
    }

    @Override
    public long increment(long id) {
        return db.execute(update(Journal.class)
                .set(Journal_.COUNT, Journal_.COUNT.plus(1))
                .where(Journal_.ID.eq(id))).join();
    }

    @Override
    public long delete(long id) {
        return db.execute(Sql.delete(Journal.class).where(Journal_.ID.eq(id))).join();
    }
}
