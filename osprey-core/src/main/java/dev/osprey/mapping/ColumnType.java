package dev.osprey.mapping;

/**
 * The storage type of a column: a portable {@link SqlType} with its length (VARCHAR, BINARY;
 * 0 = unbounded) or precision and scale (DECIMAL; 0 = the database's default). Immutable.
 */
public record ColumnType(SqlType sqlType, int length, int precision, int scale) {

    public ColumnType {
        if (sqlType == null) {
            throw new IllegalArgumentException("sqlType must not be null");
        }
        if (length < 0 || precision < 0 || scale < 0 || scale > Math.max(precision, 0) && precision > 0) {
            throw new IllegalArgumentException("invalid length/precision/scale for " + sqlType + ": "
                    + length + "/" + precision + "/" + scale);
        }
    }

    public static ColumnType of(SqlType sqlType) {
        return new ColumnType(sqlType, 0, 0, 0);
    }

    /** VARCHAR(length), or TEXT when length is 0. */
    public static ColumnType varchar(int length) {
        return length == 0 ? of(SqlType.TEXT) : new ColumnType(SqlType.VARCHAR, length, 0, 0);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(SqlType.DECIMAL, 0, precision, scale);
    }
}
