package dev.osprey.testkit;

/** What a test may need from a database beyond the common behaviour; see {@link RequiresCapability}. */
public enum Capability {
    /** A separate server process: sessions can be listed and killed by an administrator. */
    SERVER,
    /** Unique and foreign-key violations name the constraint. */
    NAMED_CONSTRAINTS,
    /** Check-constraint violations name the constraint. */
    NAMED_CHECK_CONSTRAINTS,
    /** VARCHAR(n) rejects longer text (SQLite keeps it whole). */
    ENFORCED_LENGTHS,
    /** REAL and DOUBLE columns hold NaN, the infinities and -0.0. */
    NON_FINITE_FLOATS,
    /** Dates and timestamps before year 1 (BC) and after 9999, and infinity. */
    EXTREME_DATES
}
