package dev.osprey.internal.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calls a driver is running, so that closing can stop new ones and wait for (or cancel) the rest.
 * Entering and leaving take no lock and, as a rule, allocate nothing (every call does both, from many
 * threads at once): a call takes a free slot of a fixed table with one compare-and-set, starting at a
 * random place so that threads seldom meet, and frees it with one write. Calls that find no free slot
 * near there (far more calls at once than slots) go into a concurrent set instead. Only closing waits,
 * under a lock, and it scans the table. Thread-safe.
 */
final class InFlight {
    /** Slots in the table: a power of two, well above the calls an application usually runs at once. */
    private static final int SLOTS = 512;
    /** Slots tried, one after the other, before a call goes into the overflow set. */
    private static final int PROBES = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final AtomicReferenceArray<Operation<?>> slots = new AtomicReferenceArray<>(SLOTS);
    private final Set<Operation<?>> overflow = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Admits a call; false once closing has begun. */
    boolean enter(Operation<?> operation) {
        if (closed) {
            return false;
        }
        int start = ThreadLocalRandom.current().nextInt();
        operation.inFlightSlot = Operation.NO_SLOT;
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (slots.getPlain(slot) == null && slots.compareAndSet(slot, null, operation)) {
                operation.inFlightSlot = slot;
                break;
            }
        }
        if (operation.inFlightSlot == Operation.NO_SLOT) {
            overflow.add(operation);
        }
        if (closed) {   // closing began meanwhile and may not have seen this call
            exit(operation);
            return false;
        }
        return true;
    }

    void exit(Operation<?> operation) {
        int slot = operation.inFlightSlot;
        if (slot >= 0) {
            slots.compareAndSet(slot, operation, null);   // not twice: the slot may be another call's by now
        } else {
            overflow.remove(operation);
        }
        if (closed && isEmpty()) {   // only closing waits, and it checks under the lock
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Refuses new calls, waits up to {@code timeout} for running ones, and gives those still running. */
    List<Operation<?>> close(Duration timeout) {
        lock.lock();
        try {
            closed = true;
            awaitDrained(timeout);
            List<Operation<?>> running = new ArrayList<>(overflow);
            for (int slot = 0; slot < SLOTS; slot++) {
                Operation<?> operation = slots.get(slot);
                if (operation != null) {
                    running.add(operation);
                }
            }
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** After {@link #close}, waits up to {@code timeout} more for every running call to end. */
    void await(Duration timeout) {
        lock.lock();
        try {
            awaitDrained(timeout);
        } finally {
            lock.unlock();
        }
    }

    private boolean isEmpty() {
        if (!overflow.isEmpty()) {
            return false;
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            if (slots.get(slot) != null) {
                return false;
            }
        }
        return true;
    }

    private void awaitDrained(Duration timeout) {
        long nanos = timeout.toNanos();
        boolean interrupted = false;
        while (!isEmpty() && nanos > 0) {
            try {
                nanos = drained.awaitNanos(nanos);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
