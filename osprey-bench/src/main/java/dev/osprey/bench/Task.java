package dev.osprey.bench;

import java.util.List;

/**
 * What one workload does in a run of one implementation: untimed preparation, the timed operation
 * each caller repeats, and the untimed check afterwards that the database holds what the callers
 * did, so that a broken implementation cannot report a fast figure.
 */
interface Task {

    /** Untimed, before each run; {@code expectedOps} guesses how many operations the run will do. */
    default void beforeRun(long expectedOps) throws Exception {
    }

    /** One operation of one caller; gives the units done (1 operation, or the rows), or -1 when no work is left. */
    long op(JournalStore store, Caller caller);

    /** Untimed, after each run: throws {@link IllegalStateException} when the outcome is wrong. */
    default void afterRun(List<Caller> callers) throws Exception {
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
