package dev.osprey.internal.engine;

import dev.osprey.Database;
import dev.osprey.Row;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static dev.osprey.mapping.SqlType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIKE tells upper from lower case on every database: SQLite connections are opened with
 * {@code case_sensitive_like}, the readers as well as the writer; MariaDB tables compare in
 * {@code utf8mb4_bin}.
 */
class CaseSensitiveLikeTest {

    private static void createFruits(TestDb t) {
        Database db = t.db();
        db.execute("DROP TABLE IF EXISTS engine_like").join();
        db.execute("CREATE TABLE engine_like (name " + t.type(VARCHAR, 20) + ")" + t.dialect().tableOptions()).join();
        db.execute("INSERT INTO engine_like (name) VALUES ('Apple'), ('apple'), ('APPLE'), ('pineapple')").join();
    }

    @OnEachDatabase
    void likeMatchesOnlyTheSameCaseOnReadOnlyQueries(TestDb t) {
        createFruits(t);

        List<Row> rows = t.db().query("SELECT name FROM engine_like WHERE name LIKE ? ORDER BY name", "app%").join();

        assertThat(rows).extracting(row -> row.getString("name")).containsExactly("apple");
        assertThat(t.db().query("SELECT name FROM engine_like WHERE name LIKE ?", "%APP%").join())
                .extracting(row -> row.getString("name")).containsExactly("APPLE");
    }

    @OnEachDatabase
    void likeMatchesOnlyTheSameCaseOnTheWriter(TestDb t) {
        createFruits(t);

        long changed = t.db().execute("UPDATE engine_like SET name = 'Pear' WHERE name LIKE ?", "Ap%").join();
        List<String> names = t.db().withConnection(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT name FROM engine_like WHERE name LIKE ? ORDER BY name")) {
                ps.setString(1, "%apple");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        }).join();

        assertThat(changed).isEqualTo(1);
        assertThat(names).containsExactly("apple", "pineapple");
    }
}
