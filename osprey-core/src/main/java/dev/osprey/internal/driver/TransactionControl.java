package dev.osprey.internal.driver;

import dev.osprey.internal.sql.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Begins and ends transactions on a connection the way its dialect does it fastest: through JDBC's
 * autocommit switch, or (MariaDB) with {@code START TRANSACTION}/{@code COMMIT}/{@code ROLLBACK}
 * statements on a connection left in autocommit mode. Either way a connection is in autocommit mode
 * again once {@link #restore} has run. Immutable and thread-safe.
 */
final class TransactionControl {
    private final String beginSql;

    TransactionControl(Dialect dialect) {
        this.beginSql = dialect.beginTransactionSql();
    }

    void begin(Connection connection) throws SQLException {
        if (beginSql == null) {
            connection.setAutoCommit(false);
        } else {
            run(connection, beginSql);
        }
    }

    void commit(Connection connection) throws SQLException {
        if (beginSql == null) {
            connection.commit();
        } else {
            run(connection, "COMMIT");
        }
    }

    void rollback(Connection connection) throws SQLException {
        if (beginSql == null) {
            connection.rollback();
        } else {
            run(connection, "ROLLBACK");
        }
    }

    /** Puts the connection back in autocommit mode after {@link #commit} or {@link #rollback}. */
    void restore(Connection connection) throws SQLException {
        if (beginSql == null) {
            connection.setAutoCommit(true);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
