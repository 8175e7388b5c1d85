package dev.osprey.annotation;

/** How {@link Enumerated} stores an enum. */
public enum EnumStorage {
    /** The constant's name, in a VARCHAR column. */
    NAME,
    /** The constant's ordinal, in an INTEGER column. */
    ORDINAL
}
