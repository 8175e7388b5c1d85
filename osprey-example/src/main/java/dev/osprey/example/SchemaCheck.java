package dev.osprey.example;

import dev.osprey.Database;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.EntityModel;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks at start-up that the entities' tables have the columns the entities expect, so that a
 * database left over from something else fails with a clear message naming the table instead of with
 * SQL errors on the first requests. The columns are read from the JDBC metadata of the connection's
 * current database and schema (a select would not do: SQLite reads an unknown double-quoted column
 * name as a string). Stateless and thread-safe.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * Blocks until done: it runs once, before the server starts.
     *
     * @throws IllegalStateException naming the table and its missing columns
     */
    static void verify(Database db, Class<?>... entities) {
        for (Class<?> entity : entities) {
            verify(db, EntityModel.of(entity));
        }
    }

    private static <E> void verify(Database db, EntityModel<E> model) {
        Set<String> present = db.withConnection(connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            String escape = metadata.getSearchStringEscape();
            String table = escape == null ? model.table()
                    : model.table().replace("_", escape + "_").replace("%", escape + "%");
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = metadata.getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        }).join();
        List<String> missing = new ArrayList<>();
        for (Attribute<E, ?> attribute : model.attributes()) {
            if (!present.contains(attribute.column().toLowerCase(Locale.ROOT))) {
                missing.add(attribute.column());
            }
        }
        if (present.isEmpty()) {
            throw new IllegalStateException("table " + model.table() + " was not found after creating it");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("table " + model.table() + " exists but does not match the "
                    + model.type().getSimpleName() + " model: it has no column " + String.join(", ", missing)
                    + "; drop the table or use another database");
        }
    }
}
