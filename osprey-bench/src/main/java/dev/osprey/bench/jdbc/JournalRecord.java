package dev.osprey.bench.jdbc;

import java.time.Instant;

/** One journal row as hand-written JDBC code reads it: a plain record. Immutable. */
public record JournalRecord(long id, Instant timestamp, short level, String text, int count) {
}
