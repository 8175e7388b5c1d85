package dev.osprey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Database} pools and runs its work. Build one with {@link #builder()}; every setting
 * has a default, so {@code Config.defaults()} is a complete configuration.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>maxPoolSize</td><td>10</td><td>most connections open at once (SQLite files: readers; there is always
 *       exactly one writer)</td></tr>
 *   <tr><td>minIdle</td><td>2</td><td>idle connections kept ready</td></tr>
 *   <tr><td>acquireTimeout</td><td>30 s</td><td>longest wait for a free connection before
 *       {@link PoolTimeoutException}; at least 250 ms</td></tr>
 *   <tr><td>maxLifetime</td><td>30 min</td><td>a connection is replaced after this long; {@code ZERO} = never;
 *       else at least 30 s</td></tr>
 *   <tr><td>idleTimeout</td><td>10 min</td><td>an idle connection above minIdle is closed after this long;
 *       {@code ZERO} = never; else at least 10 s</td></tr>
 *   <tr><td>statementTimeout</td><td>none</td><td>a statement running longer is cancelled on the server and fails
 *       with {@link QueryTimeoutException}</td></tr>
 *   <tr><td>closeTimeout</td><td>30 s</td><td>how long {@link Database#close()} lets running work finish before
 *       cancelling it</td></tr>
 *   <tr><td>echo</td><td>false</td><td>log every statement with its bind values and duration through SLF4J
 *       (logger {@code dev.osprey.sql}, level DEBUG)</td></tr>
 *   <tr><td>listeners</td><td>none</td><td>{@link StatementListener}s told of every statement</td></tr>
 * </table>
 *
 * <p>A {@code Config} is immutable and safe to share between threads and databases.
 */
public record Config(int maxPoolSize,
                     int minIdle,
                     Duration acquireTimeout,
                     Duration maxLifetime,
                     Duration idleTimeout,
                     Duration statementTimeout,
                     Duration closeTimeout,
                     boolean echo,
                     List<StatementListener> listeners) {

    public Config {
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        listeners = List.copyOf(listeners);
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
        if (minIdle < 0 || minIdle > maxPoolSize) {
            throw new IllegalArgumentException(
                    "minIdle must be between 0 and maxPoolSize (" + maxPoolSize + "), was " + minIdle);
        }
        if (acquireTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("acquireTimeout must be at least 250 ms, was " + acquireTimeout);
        }
        if (!maxLifetime.isZero() && maxLifetime.toMillis() < 30_000) {
            throw new IllegalArgumentException("maxLifetime must be ZERO (never) or at least 30 s, was " + maxLifetime);
        }
        if (!idleTimeout.isZero() && idleTimeout.toMillis() < 10_000) {
            throw new IllegalArgumentException("idleTimeout must be ZERO (never) or at least 10 s, was " + idleTimeout);
        }
        if (statementTimeout.isNegative()) {
            throw new IllegalArgumentException("statementTimeout must not be negative, was " + statementTimeout);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative, was " + closeTimeout);
        }
    }

    /** The defaults listed above. */
    public static Config defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        var b = new Builder();
        b.maxPoolSize = maxPoolSize;
        b.minIdle = minIdle;
        b.acquireTimeout = acquireTimeout;
        b.maxLifetime = maxLifetime;
        b.idleTimeout = idleTimeout;
        b.statementTimeout = statementTimeout;
        b.closeTimeout = closeTimeout;
        b.echo = echo;
        b.listeners.addAll(listeners);
        return b;
    }

    /** Has a statement timeout been set? */
    public boolean hasStatementTimeout() {
        return !statementTimeout.isZero();
    }

    /** Builds a {@link Config}; not thread-safe, use it on one thread and throw it away. */
    public static final class Builder {
        private int maxPoolSize = 10;
        private Integer minIdle;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration statementTimeout = Duration.ZERO;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private boolean echo;
        private final List<StatementListener> listeners = new ArrayList<>();

        private Builder() {
        }

        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** Defaults to {@code min(2, maxPoolSize)}. */
        public Builder minIdle(int minIdle) {
            this.minIdle = minIdle;
            return this;
        }

        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** {@code Duration.ZERO} (the default) means no timeout. */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
            return this;
        }

        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        public Builder listener(StatementListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Config build() {
            return new Config(maxPoolSize, minIdle == null ? Math.min(2, maxPoolSize) : minIdle, acquireTimeout,
                    maxLifetime, idleTimeout, statementTimeout, closeTimeout, echo, listeners);
        }
    }
}
