package dev.osprey.bench;

import java.util.List;

/**
 * One implementation of the benchmark's operations on the journal table. Each workload calls one of
 * these from its callers' threads; every method blocks until the database has answered and gives
 * what lets the workload check the answer (an id, a row count). An implementation builds its own
 * objects (entities, records) from the rows it reads: the cost of that is part of the figure.
 * Implementations are thread-safe. A variant may implement only some operations; the others throw
 * {@link UnsupportedOperationException}.
 */
public interface JournalStore {

    /** Inserts one row in a transaction of its own; gives the generated id. */
    default long insertOne(Entry entry) {
        throw new UnsupportedOperationException();
    }

    /**
     * Stores all {@code entries} in one call (one transaction); gives the rows stored. With
     * {@code ids}, the implementation's objects get their generated ids and the result counts only
     * rows whose object has one.
     */
    default long insertAll(List<Entry> entries, boolean ids) {
        throw new UnsupportedOperationException();
    }

    /** The row with {@code id} as an object; gives its id, or -1 when there is none. */
    default long get(long id) {
        throw new UnsupportedOperationException();
    }

    /** The rows whose text is {@code text}, as objects; gives how many. */
    default int findByText(String text) {
        throw new UnsupportedOperationException();
    }

    /** The rows with {@code level}, as objects; gives how many. */
    default int findByLevel(short level) {
        throw new UnsupportedOperationException();
    }

    /** The page of at most {@code size} rows with ids above {@code afterId} in id order, as objects. */
    default Page page(long afterId, int size) {
        throw new UnsupportedOperationException();
    }

    /** Reads the row with {@code id} and sets its text, in one transaction; false when there is no such row. */
    default boolean readThenWrite(long id, String text) {
        throw new UnsupportedOperationException();
    }

    /** Sets the text of the row with {@code id} in one statement; gives the rows changed. */
    default long updateText(long id, String text) {
        throw new UnsupportedOperationException();
    }

    /** {@code count = count + 1} on the row with {@code id}; gives the rows changed. */
    default long increment(long id) {
        throw new UnsupportedOperationException();
    }

    /** Deletes the row with {@code id}; gives the rows deleted. */
    default long delete(long id) {
        throw new UnsupportedOperationException();
    }

    /** What a page gave: how many rows, and the id of the last (0 for an empty page). */
    record Page(int rows, long lastId) {
        public static final Page EMPTY = new Page(0, 0);
    }
}
