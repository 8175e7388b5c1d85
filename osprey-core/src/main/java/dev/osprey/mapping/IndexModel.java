package dev.osprey.mapping;

import java.util.List;

/** An index of an entity's table: its name, its column names in order, and whether it is unique. Immutable. */
public record IndexModel(String name, List<String> columns, boolean unique) {
    public IndexModel {
        columns = List.copyOf(columns);
        if (name == null || name.isBlank() || columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs a name and at least one column");
        }
    }
}
