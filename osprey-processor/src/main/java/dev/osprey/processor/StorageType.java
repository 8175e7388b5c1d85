package dev.osprey.processor;

/**
 * How a column is stored, as the processor decided it: the name of an {@code dev.osprey.mapping.SqlType}
 * constant with a length (VARCHAR) or precision and scale (DECIMAL). The writer turns it into a
 * {@code ColumnType} expression. Immutable.
 */
record StorageType(String sqlType, int length, int precision, int scale) {

    static StorageType of(String sqlType) {
        return new StorageType(sqlType, 0, 0, 0);
    }

    /** VARCHAR(length), or TEXT when length is 0 ({@code @Column(length = UNLIMITED)}). */
    static StorageType varchar(int length) {
        return length == 0 ? of("TEXT") : new StorageType("VARCHAR", length, 0, 0);
    }

    static StorageType decimal(int precision, int scale) {
        return new StorageType("DECIMAL", 0, precision, scale);
    }
}
