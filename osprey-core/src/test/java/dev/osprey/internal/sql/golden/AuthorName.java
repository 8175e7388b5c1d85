package dev.osprey.internal.sql.golden;

/** A record rows are mapped into in golden tests. */
public record AuthorName(long id, String name) {
}
