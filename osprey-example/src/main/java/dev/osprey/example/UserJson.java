package dev.osprey.example;

import java.time.Instant;

/**
 * A user as the API shows it:
 * {@code {"id": 1, "name": "Ada", "email": "ada@example.com", "count": 0, "created_at": "…Z"}}. Immutable.
 */
record UserJson(long id, String name, String email, int count, Instant createdAt) {
    static UserJson of(User user) {
        return new UserJson(user.id, user.name, user.email, user.count, user.createdAt);
    }
}
