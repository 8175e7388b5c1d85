package dev.osprey.bench.osprey;

import dev.osprey.Database;
import dev.osprey.Session;
import dev.osprey.bench.Entry;
import dev.osprey.bench.JournalStore;

/**
 * The same single-row operations written with a {@link Session} (add and commit; get by id), as a user
 * of the unit of work writes them. Reported beside the main Osprey figure to show what a session costs
 * where one statement would do. Only {@link #insertOne} and {@link #get}. Thread-safe.
 */
public final class OspreySessionJournal implements JournalStore {
    private final Database db;

    public OspreySessionJournal(Database db) {
        this.db = db;
    }

    @Override
    public long insertOne(Entry entry) {
        Journal journal = new Journal(entry.timestamp(), entry.level(), entry.text());
        try (Session s = db.session()) {
            s.add(journal);
            s.commit().join();
        }
        return journal.getId();
    }

    @Override
    public long get(long id) {
        try (Session s = db.session()) {
            Journal journal = s.get(Journal.class, id).join();
            return journal == null ? -1 : journal.getId();
        }
    }
}
