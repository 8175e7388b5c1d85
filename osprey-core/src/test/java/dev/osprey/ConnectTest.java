package dev.osprey;

import dev.osprey.testkit.Capability;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.RequiresCapability;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What {@link Database#connect} says about bad URLs, unreachable servers and refused credentials. */
class ConnectTest {

    @Test
    void malformedAndUnknownUrlsAreRejectedNamingTheMaskedUrl() {
        assertThatThrownBy(() -> Database.connect("oracle://scott:tiger@db.example.com/orcl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle://scott:****@db.example.com/orcl")
                .hasMessageContaining("scheme 'oracle'")
                .hasMessageNotContaining("tiger");
        assertThatThrownBy(() -> Database.connect("postgresql://u:p@ss w@host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed")
                .hasMessageNotContaining("p@ss");
        assertThatThrownBy(() -> Database.connect("no scheme here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no scheme");
        assertThatThrownBy(() -> Database.connect("sqlite:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sqlite::memory:");
        assertThatThrownBy(() -> Database.connect(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Database.connect("sqlite::memory:", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unreachableServersFailFastWithTheMaskedUrl() {
        for (String url : new String[] {"postgresql://postgres:hunter2@127.0.0.1:1/test",
                "mariadb://root:hunter2@127.0.0.1:1/test"}) {
            var e = catchThrowableOfType(ConnectionFailedException.class,
                    () -> Database.connect(url, Config.builder().acquireTimeout(Duration.ofSeconds(2)).build()));
            assertThat(e.getMessage()).contains(url.replace("hunter2", "****")).doesNotContain("hunter2");
        }
    }

    @OnEachDatabase
    @RequiresCapability(Capability.SERVER)
    void refusedCredentialsFailWithTheMaskedUrl(TestDb t) {
        t.db();   // skips (locally) when the server is down
        String url = t.url().replaceFirst("//[^@/]*@", "//no_such_user:hunter2@");
        var e = catchThrowableOfType(ConnectionFailedException.class, () -> Database.connect(url));
        assertThat(e.getMessage()).contains("no_such_user:****@").doesNotContain("hunter2");
        assertThat(e.sqlState()).startsWith("28");
    }

    @Test
    void anSqliteFileInAMissingDirectoryFailsClearly() {
        var e = catchThrowableOfType(ConnectionFailedException.class,
                () -> Database.connect("sqlite:target/no/such/dir/x.db"));
        assertThat(e.getMessage()).contains("sqlite:target/no/such/dir/x.db");
    }

    @Test
    void inMemorySqliteKeepsItsDataForTheLifeOfTheDatabase() {
        try (Database db = Database.connect("sqlite::memory:")) {
            db.execute("CREATE TABLE m (id INTEGER)").join();
            db.execute("INSERT INTO m (id) VALUES (1)").join();
            assertThat(db.query("SELECT id FROM m").join()).hasSize(1);
            assertThat(db.toString()).contains("SQLite");
        }
    }

    @Test
    void plainJdbcUrlsArePassedThrough() {
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            assertThat(db.query("SELECT 1 AS one").join().getFirst().getInteger("one")).isEqualTo(1);
        }
    }

    @Test
    void invalidConfigurationIsRejectedWithTheSetting() {
        assertThatThrownBy(() -> Config.builder().maxPoolSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> Config.builder().maxPoolSize(2).minIdle(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minIdle");
        assertThatThrownBy(() -> Config.builder().acquireTimeout(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquireTimeout");
        assertThatThrownBy(() -> Config.builder().statementTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statementTimeout");
        assertThat(Config.defaults().maxPoolSize()).isEqualTo(10);
        assertThat(Config.defaults().toBuilder().echo(true).build().echo()).isTrue();
    }
}
