package dev.osprey.annotation;

/** The referential action of a foreign key when the referenced row is deleted. */
public enum OnDelete {
    /** Refuse the delete while rows refer to it (checked at the end of the statement). */
    NO_ACTION,
    /** Refuse the delete while rows refer to it (checked at once). */
    RESTRICT,
    /** Delete the referring rows too. */
    CASCADE,
    /** Set the referring column to NULL. */
    SET_NULL
}
