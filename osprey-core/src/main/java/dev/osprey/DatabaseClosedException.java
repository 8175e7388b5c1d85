package dev.osprey;

/**
 * A call was made on a {@link Database} that has been closed (or is closing). Nothing was sent to
 * the database.
 *
 * <p>Immutable and safe to share between threads.
 */
public class DatabaseClosedException extends OspreyException {
    public DatabaseClosedException(String message) {
        super(message);
    }
}
