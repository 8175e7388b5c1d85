package dev.osprey;

/**
 * A flush found that a row it was to update or delete was changed or deleted by someone else since
 * it was read (its {@link dev.osprey.annotation.Version} column no longer matches). Nothing of that
 * flush was written; reload the entity and apply the change again.
 */
public class StaleObjectException extends OspreyException {
    public StaleObjectException(String message) {
        super(message);
    }
}
