package dev.osprey;

import dev.osprey.IntegrityViolationException.Kind;
import dev.osprey.blog.Category;
import dev.osprey.blog.Chicken;
import dev.osprey.blog.Egg;
import dev.osprey.blog.Post;
import dev.osprey.blog.User;
import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.osprey.testkit.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Tables created from entity metamodels behave the same on every database. */
class SchemaTest {

    private static Schema fresh(TestDb t) {
        Schema schema = t.db().schema();
        schema.dropAll(Post.class, User.class, Category.class).join();
        return schema;
    }

    private static long addUser(TestDb t, String email) {
        t.db().execute("INSERT INTO blog_users (email) VALUES (?)", email).join();
        return t.db().query("SELECT id FROM blog_users WHERE email = ?", email).join().getFirst().getLong("id");
    }

    private static void addPost(TestDb t, long author, String title) {
        t.db().execute("INSERT INTO blog_posts (author_id, title) VALUES (?, ?)", author, title).join();
    }

    @OnEachDatabase
    void createAllMakesTablesThatAssignIdsAndApplyDefaults(TestDb t) {
        fresh(t).createAll(Post.class, User.class).join();   // referring entity first: created second

        long ada = addUser(t, "ada@example.com");
        long bob = addUser(t, "bob@example.com");
        assertThat(ada).isPositive();
        assertThat(bob).isGreaterThan(ada);

        Row user = t.db().query("SELECT * FROM blog_users WHERE id = ?", ada).join().getFirst();
        assertThat(user.getString("display_name")).isEqualTo("It's me");
        assertThat(user.getString("bio")).isNull();
        assertThat(user.getBoolean("active")).isTrue();
        assertThat(user.getInteger("karma")).isEqualTo(-5);
        assertThat(user.getBigDecimal("balance")).isEqualByComparingTo(new BigDecimal("0.50"));
        assertThat(user.getDouble("rating")).isEqualTo(4.5);
        assertThat(user.getInstant("created_at")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(user.getLocalDate("birthday")).isEqualTo(LocalDate.of(2000, 2, 29));

        addPost(t, ada, "Notes on the Analytical Engine");
        Row post = t.db().query("SELECT * FROM blog_posts").join().getFirst();
        assertThat(post.getLong("id")).isPositive();
        assertThat(post.getLong("author_id")).isEqualTo(ada);
        assertThat(post.getString("status")).isEqualTo("draft");
        t.db().schema().dropAll(Post.class, User.class).join();
    }

    @OnEachDatabase
    void createAllTwiceIsHarmlessAndKeepsTheRows(TestDb t) {
        Schema schema = fresh(t);
        schema.createAll(User.class, Post.class).join();
        addPost(t, addUser(t, "ada@example.com"), "first");
        schema.createAll(User.class, Post.class, User.class).join();   // duplicates are ignored too
        assertThat(t.db().query("SELECT title FROM blog_posts").join()).hasSize(1);
        schema.dropAll(User.class, Post.class).join();
    }

    @OnEachDatabase
    void uniqueAndForeignKeyConstraintsAreEnforced(TestDb t) {
        fresh(t).createAll(User.class, Post.class).join();
        addUser(t, "ada@example.com");
        var unique = failure(t.db().execute("INSERT INTO blog_users (email) VALUES ('ada@example.com')"),
                IntegrityViolationException.class);
        assertThat(unique.kind()).isEqualTo(Kind.UNIQUE);
        var foreign = failure(t.db().execute("INSERT INTO blog_posts (author_id, title) VALUES (999, 'orphan')"),
                IntegrityViolationException.class);
        assertThat(foreign.kind()).isEqualTo(Kind.FOREIGN_KEY);
        t.db().schema().dropAll(User.class, Post.class).join();
    }

    @OnEachDatabase
    @RequiresCapability(Capability.NAMED_CONSTRAINTS)
    void violationsNameTheConstraintsAfterTableAndColumn(TestDb t) {
        fresh(t).createAll(User.class, Post.class).join();
        addUser(t, "ada@example.com");
        var unique = failure(t.db().execute("INSERT INTO blog_users (email) VALUES ('ada@example.com')"),
                IntegrityViolationException.class);
        assertThat(unique.constraint()).isEqualTo("uq_blog_users_email");
        var foreign = failure(t.db().execute("INSERT INTO blog_posts (author_id, title) VALUES (999, 'orphan')"),
                IntegrityViolationException.class);
        assertThat(foreign.constraint()).isEqualTo("fk_blog_posts_author_id");
        t.db().schema().dropAll(User.class, Post.class).join();
    }

    @OnEachDatabase
    void deletingAUserDeletesTheirPosts(TestDb t) {
        fresh(t).createAll(User.class, Post.class).join();
        long ada = addUser(t, "ada@example.com");
        long bob = addUser(t, "bob@example.com");
        addPost(t, ada, "one");
        addPost(t, ada, "two");
        addPost(t, bob, "three");
        t.db().execute("DELETE FROM blog_users WHERE id = ?", ada).join();
        assertThat(t.db().query("SELECT title FROM blog_posts").join())
                .extracting(row -> row.getString("title")).containsExactly("three");
        t.db().schema().dropAll(User.class, Post.class).join();
    }

    @OnEachDatabase
    void aSelfReferenceIsCreatedAndSetToNullWhenItsTargetGoes(TestDb t) {
        fresh(t).createAll(Category.class).join();
        t.db().execute("INSERT INTO blog_categories (id, parent_id, name) VALUES (1, NULL, 'root')").join();
        t.db().execute("INSERT INTO blog_categories (id, parent_id, name) VALUES (2, 1, 'leaf')").join();
        t.db().execute("DELETE FROM blog_categories WHERE id = 1").join();
        Row leaf = t.db().query("SELECT parent_id FROM blog_categories WHERE id = 2").join().getFirst();
        assertThat(leaf.getInteger("parent_id")).isNull();
        t.db().schema().dropAll(Category.class).join();
    }

    @OnEachDatabase
    void dropAllRemovesTheTablesReferringOnesFirst(TestDb t) {
        Schema schema = fresh(t);
        schema.createAll(User.class, Post.class).join();
        addPost(t, addUser(t, "ada@example.com"), "first");
        schema.dropAll(User.class, Post.class).join();   // referenced entity first: dropped last
        failure(t.db().query("SELECT * FROM blog_users"), OspreyException.class);
        failure(t.db().query("SELECT * FROM blog_posts"), OspreyException.class);
        schema.dropAll(User.class, Post.class).join();   // dropping what is gone is harmless
    }

    @OnEachDatabase
    void ddlListsTheStatementsCreateAllRunsInOrder(TestDb t) {
        Schema schema = fresh(t);
        List<String> ddl = schema.ddl(Post.class, User.class);
        assertThat(ddl).hasSize(5).isEqualTo(schema.ddl(User.class, Post.class));
        assertThat(ddl.get(0)).startsWith("CREATE TABLE IF NOT EXISTS " + t.quote("blog_users") + " (");
        assertThat(ddl.get(1)).contains("INDEX").contains(t.quote("ix_blog_users_display_name"));
        assertThat(ddl.get(2)).startsWith("CREATE UNIQUE INDEX").contains(t.quote("ux_blog_users_external_id"));
        assertThat(ddl.get(3)).startsWith("CREATE TABLE IF NOT EXISTS " + t.quote("blog_posts") + " (");
        assertThat(ddl.get(4)).contains(t.quote("ix_blog_posts_author_id_published_at"));

        for (String statement : ddl) {   // run by hand, as a migration tool would
            t.db().execute(statement).join();
        }
        schema.createAll(User.class, Post.class).join();   // finds everything in place
        addPost(t, addUser(t, "ada@example.com"), "first");
        assertThat(t.db().query("SELECT status FROM blog_posts").join().getFirst().getString("status"))
                .isEqualTo("draft");
        schema.dropAll(User.class, Post.class).join();
    }

    @OnEachDatabase
    void aFailingStatementIsNamedAndTransactionalDdlLeavesNothingBehind(TestDb t) {
        Schema schema = fresh(t);
        // a view named blog_posts: CREATE TABLE IF NOT EXISTS leaves it, and the index on it cannot be made
        t.db().execute("DROP VIEW IF EXISTS blog_posts").join();
        t.db().execute("CREATE VIEW blog_posts AS SELECT 1 AS id").join();
        try {
            String failing = schema.ddl(User.class, Post.class).getLast();
            var e = failure(schema.createAll(User.class, Post.class), OspreyException.class);
            assertThat(e.sql()).isEqualTo(failing);
            assertThat(e.getMessage()).contains(failing);
            boolean usersExist = catchThrowable(() -> t.db().query("SELECT * FROM blog_users").join()) == null;
            assertThat(usersExist).isEqualTo(!t.dialect().supportsTransactionalDdl());
        } finally {
            t.db().execute("DROP VIEW IF EXISTS blog_posts").join();
        }
        schema.dropAll(User.class, Post.class).join();
    }

    @OnEachDatabase
    void theDialectRecognisesAnIndexThatExistsAlready(TestDb t) {
        // what keeps createAll idempotent on MySQL, which has no CREATE INDEX IF NOT EXISTS
        fresh(t).createAll(User.class).join();
        String sql = "CREATE INDEX " + t.quote("ix_blog_users_display_name") + " ON " + t.quote("blog_users")
                + " (" + t.quote("display_name") + ")";
        boolean recognised = t.db().withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return false;
            } catch (SQLException e) {
                return t.dialect().isAlreadyExists(e);
            }
        }).join();
        assertThat(recognised).isTrue();
        t.db().schema().dropAll(User.class).join();
    }

    @Test
    void mistakesInTheArgumentsThrowAtOnce() {
        try (Database db = Database.connect("sqlite::memory:")) {
            Schema schema = db.schema();
            assertThatThrownBy(() -> schema.createAll()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> schema.dropAll((Class<?>[]) null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> schema.ddl(User.class, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> schema.createAll(String.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no generated metamodel");
            assertThatThrownBy(() -> schema.createAll(Chicken.class, Egg.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cycle (Chicken -> Egg -> Chicken)");
            // a reference to an entity not given adds no order (its table must exist already)
            assertThat(schema.ddl(Chicken.class)).hasSize(1);
        }
    }
}
