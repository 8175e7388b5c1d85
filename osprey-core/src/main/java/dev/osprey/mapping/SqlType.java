package dev.osprey.mapping;

/** The portable column types Osprey knows; each database dialect names them in its own SQL. */
public enum SqlType {
    BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL,
    VARCHAR, TEXT, BINARY, UUID,
    /** A point in time (Java {@code Instant}/{@code OffsetDateTime}), stored as UTC. */
    TIMESTAMP_UTC,
    /** A wall-clock date and time without zone ({@code LocalDateTime}). */
    TIMESTAMP, DATE, TIME
}
