package dev.osprey;

/** {@link Result#one()} found no row. */
public class NoResultException extends OspreyException {
    public NoResultException(String message) {
        super(message);
    }
}
