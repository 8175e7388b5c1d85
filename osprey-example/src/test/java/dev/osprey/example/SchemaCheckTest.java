package dev.osprey.example;

import dev.osprey.Database;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code TodoService.start} against tables that already exist: it keeps correct ones and their rows,
 * and refuses a table without the expected columns with an error naming it. Uses the isolated
 * database directly (no shared service) and leaves it without the service's tables.
 */
class SchemaCheckTest {

    @OnEachDatabase
    void restartingTheServiceKeepsTheTablesAndTheirRows(TestDb t) {
        String url = ExampleDatabases.url(t);
        Database db = ExampleDatabases.connect(url);
        try {
            ExampleDatabases.dropTables(db, t.target());
            long ada;
            try (TodoService first = TodoService.start(db, 0); ServiceClient api = new ServiceClient(first.url())) {
                ada = api.createUserId("Ada", "ada@example.com");
                api.createTodo(ada, "title", "one");
            }
            try (TodoService second = TodoService.start(db, 0); ServiceClient api = new ServiceClient(second.url())) {
                assertThat(api.get("/users/" + ada).expect(200).get("name").asText()).isEqualTo("Ada");
                assertThat(api.get("/stats").expect(200).get("todos").asLong()).isEqualTo(1);
            }
        } finally {
            dropAndClose(db, t, url);
        }
    }

    @OnEachDatabase
    void aUsersTableWithoutTheExpectedColumnsIsRefusedByName(TestDb t) {
        String url = ExampleDatabases.url(t);
        Database db = ExampleDatabases.connect(url);
        try {
            ExampleDatabases.dropTables(db, t.target());
            db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100))").join();

            assertThatThrownBy(() -> TodoService.start(db, 0).close())
                    .as("start on a users table without email, count and created_at")
                    .hasMessageContaining("users");
        } finally {
            dropAndClose(db, t, url);
        }
    }

    @OnEachDatabase
    void aTodosTableWithoutTheExpectedColumnsIsRefusedByName(TestDb t) {
        String url = ExampleDatabases.url(t);
        Database db = ExampleDatabases.connect(url);
        try {
            ExampleDatabases.dropTables(db, t.target());
            TodoService.start(db, 0).close();                     // correct users and todos tables
            db.execute("DROP TABLE todos").join();
            db.execute("CREATE TABLE todos (id BIGINT PRIMARY KEY, user_id BIGINT, label VARCHAR(200))").join();

            assertThatThrownBy(() -> TodoService.start(db, 0).close())
                    .as("start on a todos table without title, done and due_date")
                    .hasMessageContaining("todos");
        } finally {
            dropAndClose(db, t, url);
        }
    }

    private static void dropAndClose(Database db, TestDb t, String url) {
        try {
            ExampleDatabases.dropTables(db, t.target());
            assertThat(ExampleDatabases.awaitIdle(db, Duration.ofSeconds(10))).as("pool idle on %s", t.target()).isTrue();
        } finally {
            db.close();
            ExampleDatabases.deleteFiles(url);
        }
    }
}
