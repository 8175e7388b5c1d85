package dev.osprey.internal.driver;

import dev.osprey.Row;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link Row} held in memory: the values of one result row and the column labels it shares with its siblings. */
final class ArrayRow implements Row {
    private final Columns columns;
    private final Object[] values;

    ArrayRow(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String columnName(int index) {
        checkIndex(index);
        return columns.labels.get(index);
    }

    @Override
    public List<String> columnNames() {
        return columns.labels;
    }

    @Override
    public Object get(int index) {
        checkIndex(index);
        return values[index];
    }

    @Override
    public Object get(String column) {
        return values[columns.indexOf(column)];
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        checkIndex(index);
        return convert(index, type);
    }

    @Override
    public <T> T get(String column, Class<T> type) {
        return convert(columns.indexOf(column), type);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.putIfAbsent(columns.labels.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayRow row && columns.labels.equals(row.columns.labels)
                && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    private <T> T convert(int index, Class<T> type) {
        try {
            return ValueConverter.convert(values[index], type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + columns.labels.get(index) + "' (index " + index + ") "
                    + e.getMessage(), e.getCause());
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= values.length) {
            throw new IllegalArgumentException("column index " + index + " is out of range: the row has "
                    + values.length + " columns, counted from 0");
        }
    }

    /** The labels of a result's columns and a case-insensitive index over them. */
    static final class Columns {
        private final List<String> labels;
        private final Map<String, Integer> exact = new HashMap<>();
        private final Map<String, Integer> folded = new HashMap<>();

        Columns(List<String> labels) {
            this.labels = List.copyOf(labels);
            for (int i = 0; i < labels.size(); i++) {
                exact.putIfAbsent(labels.get(i), i);
                folded.putIfAbsent(labels.get(i).toLowerCase(Locale.ROOT), i);
            }
        }

        int indexOf(String column) {
            if (column == null) {
                throw new IllegalArgumentException("the column name must not be null");
            }
            Integer index = exact.get(column);
            if (index == null) {
                index = folded.get(column.toLowerCase(Locale.ROOT));
            }
            if (index == null) {
                throw new IllegalArgumentException("no column '" + column + "' in this row; its columns are " + labels);
            }
            return index;
        }
    }
}
