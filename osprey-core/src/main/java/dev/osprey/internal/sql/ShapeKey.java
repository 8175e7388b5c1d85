package dev.osprey.internal.sql;

import java.util.Arrays;

/**
 * The key of a statement's cached SQL text: the pieces a {@link SqlWriter} would have written, in
 * order, without writing them. Text parts are the strings the writer would append (mostly constants,
 * compared by identity before their characters); what the writer renders through the dialect (quoted
 * names, columns, an entity's column list, a row list) is a {@link SqlWriter.Token} followed by what
 * that rendering depends on. Two statements whose keys are equal therefore render the same text, and
 * a key costs one walk of the tree, which also collects the binds: no second walk to hash or compare
 * the tree itself. Immutable once built; the pieces array is owned.
 */
final class ShapeKey {
    private final Object[] pieces;
    private final int size;
    private final int hash;

    ShapeKey(Object[] pieces, int size) {
        this.pieces = pieces;
        this.size = size;
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + hash(pieces[i]);
        }
        this.hash = h;
    }

    /** A piece's hash, the commonest kinds tested first: a call through {@code Object.hashCode} on mixed kinds is not inlined. */
    private static int hash(Object piece) {
        if (piece instanceof String text) {
            return text.hashCode();   // kept by the string: most pieces are constants
        }
        if (piece instanceof SqlWriter.Token token) {
            return token.ordinal();
        }
        return piece.hashCode();
    }

    /** Strings and numbers are equal by value; tokens and models only to themselves. */
    private static boolean same(Object mine, Object their) {
        if (mine == their) {
            return true;
        }
        if (mine instanceof String text) {
            return text.equals(their);
        }
        return mine instanceof Integer number && number.equals(their);
    }

    /** This key with its pieces in an array of their own, of their exact number (to keep in a cache). */
    ShapeKey compact() {
        return new ShapeKey(Arrays.copyOf(pieces, size), size);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShapeKey other) || other.hash != hash || other.size != size) {
            return false;
        }
        Object[] theirs = other.pieces;
        for (int i = 0; i < size; i++) {
            if (!same(pieces[i], theirs[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOf(pieces, size));
    }
}
