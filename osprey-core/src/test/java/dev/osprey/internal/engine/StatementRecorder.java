package dev.osprey.internal.engine;

import dev.osprey.StatementListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that remembers the SQL and binds of every statement started and the rows of every one finished. */
final class StatementRecorder implements StatementListener {
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<List<Object>> binds = new CopyOnWriteArrayList<>();
    final List<Long> rows = new CopyOnWriteArrayList<>();

    @Override
    public void started(String sql, List<Object> values) {
        started.add(sql);
        binds.add(values);
    }

    @Override
    public void finished(String sql, List<Object> values, Duration elapsed, long count, Throwable failure) {
        rows.add(count);
    }

    /** The statements started that are inserts. */
    List<String> inserts() {
        return started.stream().filter(sql -> sql.startsWith("INSERT")).toList();
    }
}
