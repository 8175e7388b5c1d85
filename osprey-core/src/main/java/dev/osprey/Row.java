package dev.osprey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a query result, read after the statement has finished (it holds no connection).
 * Columns are found by name, ignoring case, or by position counted from <b>0</b>. Typed getters
 * return {@code null} for SQL NULL and convert between compatible representations (an SQLite
 * integer read as {@code Boolean}, a PostgreSQL {@code timestamptz} read as {@code Instant});
 * an impossible conversion or an unknown column is an {@link IllegalArgumentException} naming the
 * column. When two columns share a name, the name finds the first.
 *
 * <p>A row is immutable and safe to share between threads.
 */
public interface Row {

    /** How many columns the row has. */
    int size();

    /** The label of the column at {@code index} (0-based), as the database reported it. */
    String columnName(int index);

    /** The column labels in order. */
    List<String> columnNames();

    /** The raw value at {@code index} (0-based), as the driver produced it. */
    Object get(int index);

    /** The raw value of the column named {@code column} (any case). */
    Object get(String column);

    /** The value at {@code index} converted to {@code type}. */
    <T> T get(int index, Class<T> type);

    /** The value of {@code column} converted to {@code type}. */
    <T> T get(String column, Class<T> type);

    /** The row as an ordered map from column label to raw value. */
    Map<String, Object> toMap();

    default String getString(int index) { return get(index, String.class); }
    default String getString(String column) { return get(column, String.class); }
    default Boolean getBoolean(int index) { return get(index, Boolean.class); }
    default Boolean getBoolean(String column) { return get(column, Boolean.class); }
    default Short getShort(int index) { return get(index, Short.class); }
    default Short getShort(String column) { return get(column, Short.class); }
    default Integer getInteger(int index) { return get(index, Integer.class); }
    default Integer getInteger(String column) { return get(column, Integer.class); }
    default Long getLong(int index) { return get(index, Long.class); }
    default Long getLong(String column) { return get(column, Long.class); }
    default Float getFloat(int index) { return get(index, Float.class); }
    default Float getFloat(String column) { return get(column, Float.class); }
    default Double getDouble(int index) { return get(index, Double.class); }
    default Double getDouble(String column) { return get(column, Double.class); }
    default BigDecimal getBigDecimal(int index) { return get(index, BigDecimal.class); }
    default BigDecimal getBigDecimal(String column) { return get(column, BigDecimal.class); }
    default byte[] getBytes(int index) { return get(index, byte[].class); }
    default byte[] getBytes(String column) { return get(column, byte[].class); }
    default UUID getUuid(int index) { return get(index, UUID.class); }
    default UUID getUuid(String column) { return get(column, UUID.class); }
    default Instant getInstant(int index) { return get(index, Instant.class); }
    default Instant getInstant(String column) { return get(column, Instant.class); }
    default OffsetDateTime getOffsetDateTime(int index) { return get(index, OffsetDateTime.class); }
    default OffsetDateTime getOffsetDateTime(String column) { return get(column, OffsetDateTime.class); }
    default LocalDate getLocalDate(int index) { return get(index, LocalDate.class); }
    default LocalDate getLocalDate(String column) { return get(column, LocalDate.class); }
    default LocalTime getLocalTime(int index) { return get(index, LocalTime.class); }
    default LocalTime getLocalTime(String column) { return get(column, LocalTime.class); }
    default LocalDateTime getLocalDateTime(int index) { return get(index, LocalDateTime.class); }
    default LocalDateTime getLocalDateTime(String column) { return get(column, LocalDateTime.class); }
}
