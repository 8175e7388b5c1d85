package dev.osprey;

import java.time.Duration;
import java.util.Objects;

/**
 * How sessions and transactions behave: SQLAlchemy's {@code async_sessionmaker(engine, autoflush=…)}
 * arguments, configured once and passed to {@link Database#sessions(SessionOptions)} or
 * {@link Database#transaction(SessionOptions, TransactionWork)}. Immutable; build with {@link #builder()}.
 *
 * @param autoflush        flush pending changes before each query of the session (default true)
 * @param isolation        the isolation level of the session's transactions (default: the database's)
 * @param readOnly         transactions only read (default false); a write fails
 * @param statementTimeout a limit for each statement of the session, or {@link Duration#ZERO} for the database's setting
 * @param maxRetries       how many times {@code transaction} runs the work again after a
 *                         {@link SerializationFailureException} (default 3; 0 for none)
 * @param retryBackoff     the first wait before a retry, doubled each time, with random jitter (default 20 ms)
 */
public record SessionOptions(boolean autoflush, Isolation isolation, boolean readOnly, Duration statementTimeout,
                             int maxRetries, Duration retryBackoff) {

    public SessionOptions {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (statementTimeout.isNegative() || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    private static final SessionOptions DEFAULTS = builder().build();

    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().autoflush(autoflush).isolation(isolation).readOnly(readOnly)
                .statementTimeout(statementTimeout).maxRetries(maxRetries).retryBackoff(retryBackoff);
    }

    /** Builds {@link SessionOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean autoflush = true;
        private Isolation isolation = Isolation.DEFAULT;
        private boolean readOnly;
        private Duration statementTimeout = Duration.ZERO;
        private int maxRetries = 3;
        private Duration retryBackoff = Duration.ofMillis(20);

        private Builder() {
        }

        public Builder autoflush(boolean autoflush) { this.autoflush = autoflush; return this; }
        public Builder isolation(Isolation isolation) { this.isolation = isolation; return this; }
        public Builder readOnly(boolean readOnly) { this.readOnly = readOnly; return this; }
        public Builder statementTimeout(Duration timeout) { this.statementTimeout = timeout; return this; }
        public Builder maxRetries(int maxRetries) { this.maxRetries = maxRetries; return this; }
        public Builder retryBackoff(Duration backoff) { this.retryBackoff = backoff; return this; }

        public SessionOptions build() {
            return new SessionOptions(autoflush, isolation, readOnly, statementTimeout, maxRetries, retryBackoff);
        }
    }
}
