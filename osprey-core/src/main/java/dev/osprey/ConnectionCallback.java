package dev.osprey;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Blocking JDBC code run by {@link Database#withConnection} on a pooled connection, off the
 * caller's thread. The connection belongs to Osprey: do not keep it after the callback returns;
 * closing it is allowed and has no effect.
 *
 * @param <T> what the callback produces
 */
@FunctionalInterface
public interface ConnectionCallback<T> {
    T apply(Connection connection) throws SQLException;
}
