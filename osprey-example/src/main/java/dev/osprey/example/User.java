package dev.osprey.example;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

import java.time.Instant;

/**
 * A user of the service, table {@code users}: a name, a unique email, a counter that only goes up
 * through an atomic {@code count = count + 1}, and when it was created (UTC). Mutable and not
 * thread-safe, like every entity: it belongs to the session of one request.
 */
@Table("users")
public class User {
    static final int NAME_LENGTH = 100;
    static final int EMAIL_LENGTH = 255;

    @Id @GeneratedValue Long id;
    @Column(length = NAME_LENGTH, nullable = false) String name;
    @Column(length = EMAIL_LENGTH, nullable = false, unique = true) String email;
    int count;
    @Column(nullable = false) Instant createdAt;

    User() {
    }

    User(String name, String email, Instant createdAt) {
        this.name = name;
        this.email = email;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public int getCount() {
        return count;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
