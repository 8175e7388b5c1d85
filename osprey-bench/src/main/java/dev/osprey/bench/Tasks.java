package dev.osprey.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.osprey.bench.Task.check;

/**
 * The {@link Task} of each timed workload. Reads check every answer against the {@link DataSet};
 * writes check the table after the run (new rows counted, changed texts counted, the counter sum).
 */
final class Tasks {
    private static final int PAGE_SIZE = 100;
    private static final AtomicLong RUNS = new AtomicLong();

    private Tasks() {
    }

    /** The task of a timed workload, after putting the table in the state it needs. */
    static Task of(Workload workload, Fixture fixture) throws Exception {
        if (workload.readsOnly()) {
            fixture.requirePristine();
        } else {
            fixture.requireBaseRows();
        }
        DataSet data = fixture.data();
        long[] ids = fixture.baseIds();
        return switch (workload) {
            case GET_1, GET_8, GET_64 -> (store, caller) -> {
                long id = ids[caller.random.nextInt(ids.length)];
                long got = store.get(id);
                check(got == id, "get(" + id + ") gave " + got);
                return 1;
            };
            case FILTER_20 -> (store, caller) -> {
                int k = caller.random.nextInt(data.textValues());
                int rows = store.findByText(DataSet.text(k));
                check(rows == data.rowsWithText(k), "filter on text " + k + " gave " + rows + " rows, not "
                        + data.rowsWithText(k));
                return 1;
            };
            case FILTER_10K -> (store, caller) -> {
                short level = (short) caller.random.nextInt(DataSet.LEVELS);
                int rows = store.findByLevel(level);
                check(rows == data.rowsWithLevel(level), "filter on level " + level + " gave " + rows + " rows, not "
                        + data.rowsWithLevel(level));
                return rows;
            };
            case PAGE -> page(fixture.count());
            case UPDATE_READ_WRITE -> edits(fixture, ids, (store, id, text) -> {
                check(store.readThenWrite(id, text), "read-then-write found no row " + id);
            });
            case UPDATE_STATEMENT -> edits(fixture, ids, (store, id, text) -> {
                long changed = store.updateText(id, text);
                check(changed == 1, "update of row " + id + " changed " + changed + " rows");
            });
            case INCREMENT -> increments(fixture, ids);
            case DELETE -> deletes(fixture);
            case INSERT_1, INSERT_8 -> inserts(fixture);
            case BULK_INSERT, BULK_INSERT_IDS -> throw new IllegalArgumentException(workload + " is not timed");
        };
    }

    /** Keyset paging: each caller pages from the start to the end and over again; each pass must see every row. */
    private static Task page(long tableRows) {
        return (store, caller) -> {
            JournalStore.Page page = store.page(caller.cursor, PAGE_SIZE);
            if (page.rows() == 0) {
                check(caller.passRows == tableRows, "a pass over the table saw " + caller.passRows + " rows, not "
                        + tableRows);
                caller.cursor = 0;
                caller.passRows = 0;
                return 0;
            }
            check(page.lastId() > caller.cursor && page.rows() <= PAGE_SIZE, "a page went backwards or was too long");
            caller.cursor = page.lastId();
            caller.passRows += page.rows();
            return page.rows();
        };
    }

    @FunctionalInterface
    private interface Edit {
        void apply(JournalStore store, long id, String text);
    }

    /** Sets texts marked with the run's number; afterwards exactly the rows changed carry the mark. */
    private static Task edits(Fixture fixture, long[] ids, Edit edit) {
        fixture.changed();
        return new Task() {
            private String mark;

            @Override
            public void beforeRun(long expectedOps) {
                mark = "edited " + RUNS.incrementAndGet() + " ";
            }

            @Override
            public long op(JournalStore store, Caller caller) {
                long id = ids[caller.random.nextInt(ids.length)];
                edit.apply(store, id, mark + caller.index + " " + caller.ops);
                caller.remember(id);
                return 1;
            }

            @Override
            public void afterRun(List<Caller> callers) throws Exception {
                Set<Long> changed = new HashSet<>();
                for (Caller caller : callers) {
                    for (long id : caller.remembered()) {
                        changed.add(id);
                    }
                }
                long marked = fixture.countTextPrefix(mark);
                check(marked == changed.size(), marked + " rows carry the run's text, but " + changed.size()
                        + " rows were changed");
            }
        };
    }

    /** {@code count = count + 1} on random rows; afterwards the counters have grown by the operations done. */
    private static Task increments(Fixture fixture, long[] ids) {
        return new Task() {
            private long before;

            @Override
            public void beforeRun(long expectedOps) throws Exception {
                before = fixture.sumCount();
            }

            @Override
            public long op(JournalStore store, Caller caller) {
                long id = ids[caller.random.nextInt(ids.length)];
                long changed = store.increment(id);
                check(changed == 1, "increment of row " + id + " changed " + changed + " rows");
                return 1;
            }

            @Override
            public void afterRun(List<Caller> callers) throws Exception {
                long ops = callers.stream().mapToLong(c -> c.ops).sum();
                long grown = fixture.sumCount() - before;
                check(grown == ops, "the counters grew by " + grown + " after " + ops + " increments");
            }
        };
    }

    /** Deletes rows inserted for the run (untimed), each once; afterwards the rest of them are still there. */
    private static Task deletes(Fixture fixture) {
        return new Task() {
            private long[] stock = new long[0];
            private final AtomicInteger next = new AtomicInteger();

            @Override
            public void beforeRun(long expectedOps) throws Exception {
                var random = new SplittableRandom(expectedOps);
                List<Entry> entries = new ArrayList<>();
                for (long i = 0; i < expectedOps; i++) {
                    entries.add(fixture.data().randomEntry(random));
                }
                stock = fixture.insertStock(entries);
                check(stock.length == entries.size(), "could not insert the rows to delete");
                next.set(0);
            }

            @Override
            public long op(JournalStore store, Caller caller) {
                int i = next.getAndIncrement();
                if (i >= stock.length) {
                    return -1;
                }
                long deleted = store.delete(stock[i]);
                check(deleted == 1, "delete of row " + stock[i] + " deleted " + deleted + " rows");
                return 1;
            }

            @Override
            public void afterRun(List<Caller> callers) throws Exception {
                long ops = callers.stream().mapToLong(c -> c.ops).sum();
                long left = fixture.countBetween(stock[0], stock[stock.length - 1]);
                check(left == stock.length - ops, left + " of " + stock.length + " rows are left after " + ops
                        + " deletes");
                fixture.deleteAbove(stock[0] - 1);
            }
        };
    }

    /** Inserts random rows; afterwards exactly that many rows are new. */
    private static Task inserts(Fixture fixture) {
        fixture.changed();
        DataSet data = fixture.data();
        return new Task() {
            private long before;

            @Override
            public void beforeRun(long expectedOps) throws Exception {
                before = fixture.maxId();
            }

            @Override
            public long op(JournalStore store, Caller caller) {
                long id = store.insertOne(data.randomEntry(caller.random));
                check(id > before, "an insert gave the id " + id);
                return 1;
            }

            @Override
            public void afterRun(List<Caller> callers) throws Exception {
                long ops = callers.stream().mapToLong(c -> c.ops).sum();
                long added = fixture.countAbove(before);
                check(added == ops, added + " rows were added by " + ops + " inserts");
            }
        };
    }
}
