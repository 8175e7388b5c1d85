package dev.osprey.internal.driver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlTest {

    @Test
    void postgresUrlsSplitCredentialsFromTheJdbcUrl() {
        var url = DatabaseUrl.parse("postgresql://app:p%40ss%3Aw@db.example.com:6543/shop?sslmode=require");
        assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss:w");
        assertThat(url.masked()).isEqualTo("postgresql://app:****@db.example.com:6543/shop?sslmode=require");
    }

    @Test
    void defaultsFillInHostAndPort() {
        assertThat(DatabaseUrl.parse("postgres:///test").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/test");
        assertThat(DatabaseUrl.parse("mysql://root@h/db").jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/db");
        assertThat(DatabaseUrl.parse("mariadb://root@[::1]:3307/db").jdbcUrl())
                .isEqualTo("jdbc:mariadb://[::1]:3307/db");
    }

    @Test
    void sqliteUrlsCarryPragmas() {
        var file = DatabaseUrl.parse("sqlite:data/app.db?busy_timeout=100");
        assertThat(file.kind()).isEqualTo(DatabaseUrl.Kind.SQLITE_FILE);
        assertThat(file.jdbcUrl()).isEqualTo("jdbc:sqlite:data/app.db");
        assertThat(file.properties()).containsEntry("busy_timeout", "100");
        assertThat(DatabaseUrl.parse("sqlite::memory:").kind()).isEqualTo(DatabaseUrl.Kind.SQLITE_MEMORY);
    }

    @Test
    void jdbcUrlsPassThroughAndArePasswordMasked() {
        var url = DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=secret&ssl=true");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=secret&ssl=true");
        assertThat(url.masked()).isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
        assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
    }
}
