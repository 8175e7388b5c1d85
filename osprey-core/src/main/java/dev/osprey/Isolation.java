package dev.osprey;

/**
 * Transaction isolation levels. {@link #DEFAULT} keeps the database's own (READ COMMITTED on
 * PostgreSQL, REPEATABLE READ on MariaDB, SERIALIZABLE on SQLite, which has only that).
 */
public enum Isolation {
    DEFAULT, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE
}
