package dev.osprey.internal.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calls a driver is running, so that closing can stop new ones and wait for (or cancel) the rest.
 * Entering and leaving take no lock (every call does both, from many threads at once); only closing
 * waits on one. Thread-safe.
 */
final class InFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final Set<Operation<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Admits a call; false once closing has begun. */
    boolean enter(Operation<?> operation) {
        if (closed) {
            return false;
        }
        running.add(operation);
        if (closed) {   // closing began meanwhile and may not have seen this call
            exit(operation);
            return false;
        }
        return true;
    }

    void exit(Operation<?> operation) {
        running.remove(operation);
        if (closed && running.isEmpty()) {   // only closing waits, and it checks under the lock
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
            return new ArrayList<>(running);
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

    private void awaitDrained(Duration timeout) {
        long nanos = timeout.toNanos();
        boolean interrupted = false;
        while (!running.isEmpty() && nanos > 0) {
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
