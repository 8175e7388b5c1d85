package dev.osprey;

/**
 * {@link Database#connect} could not open a first connection: the host is unreachable, the
 * credentials were refused, the database does not exist, or the SQLite file cannot be opened.
 * The message names the URL with its password masked.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ConnectionFailedException extends OspreyException {
    public ConnectionFailedException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, null, cause);
    }
}
