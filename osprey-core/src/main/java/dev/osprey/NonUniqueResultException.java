package dev.osprey;

/** {@link Result#one()} or {@link Result#oneOrNull()} found more than one row. */
public class NonUniqueResultException extends OspreyException {
    public NonUniqueResultException(String message) {
        super(message);
    }
}
