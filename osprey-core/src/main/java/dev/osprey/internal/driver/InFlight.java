package dev.osprey.internal.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The calls a driver is running, so that closing can stop new ones and wait for (or cancel) the rest. Thread-safe. */
final class InFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final Set<Operation<?>> running = new HashSet<>();
    private boolean closed;

    /** Admits a call; false once closing has begun. */
    boolean enter(Operation<?> operation) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            running.add(operation);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit(Operation<?> operation) {
        lock.lock();
        try {
            running.remove(operation);
            if (running.isEmpty()) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
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

    /** Waits up to {@code timeout} for every running call to end. */
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
