package dev.osprey.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One concurrent caller of a timed run: its own random numbers, what it has done, and the little
 * state some workloads keep between operations (a paging cursor, the ids it changed). Used by its
 * own virtual thread only while the run lasts, read by the runner after it.
 */
final class Caller {
    final int index;
    final SplittableRandom random;
    long ops;
    long units;
    /** Paging: the last id seen and the rows of this pass so far. */
    long cursor;
    long passRows;
    /** Ids this caller changed, for the checks after the run. */
    private long[] ids = new long[64];
    private int idCount;

    Caller(int index, long seed) {
        this.index = index;
        this.random = new SplittableRandom(seed);
    }

    void remember(long id) {
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = id;
    }

    long[] remembered() {
        return Arrays.copyOf(ids, idCount);
    }
}
