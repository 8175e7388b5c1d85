package dev.osprey.bench;

import java.time.Instant;

/**
 * The values of one journal row before any implementation turns it into its own object: what a
 * program has in hand when it inserts (a parsed log line, say). Immutable.
 */
public record Entry(Instant timestamp, short level, String text) {
}
