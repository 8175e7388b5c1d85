package dev.osprey.internal.driver;

import dev.osprey.StatementListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code echo=true}: logs each statement, its bind values and its duration at DEBUG on logger {@code dev.osprey.sql}. */
final class EchoListener implements StatementListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.osprey.sql");
    private static final int MAX_VALUE_LENGTH = 200;

    @Override
    public void finished(String sql, List<Object> binds, Duration elapsed, long rows, Throwable failure) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(format(sql, binds, elapsed, rows, failure));
        }
    }

    static String format(String sql, List<Object> binds, Duration elapsed, long rows, Throwable failure) {
        var line = new StringBuilder(sql.length() + 64).append(sql);
        if (!binds.isEmpty()) {
            line.append(" | binds ");
            for (int i = 0; i < binds.size(); i++) {
                line.append(i == 0 ? "[" : ", ").append(show(binds.get(i)));
            }
            line.append(']');
        }
        line.append(String.format(Locale.ROOT, " | %.3f ms", elapsed.toNanos() / 1e6));
        if (failure == null) {
            line.append(" | ").append(rows).append(rows == 1 ? " row" : " rows");
        } else {
            line.append(" | failed: ").append(failure.getClass().getSimpleName());
        }
        return line.toString();
    }

    private static String show(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        String text = value.toString();
        if (text.length() > MAX_VALUE_LENGTH) {
            text = text.substring(0, MAX_VALUE_LENGTH) + "…";
        }
        return value instanceof CharSequence ? "'" + text + "'" : text;
    }
}
