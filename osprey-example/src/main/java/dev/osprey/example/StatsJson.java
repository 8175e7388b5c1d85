package dev.osprey.example;

import java.util.List;

/**
 * The body of {@code GET /stats}:
 * {@code {"users": 3, "todos": 10, "done": 4, "open": 6, "per_user": [{"user_id": 1, "name": "Ada",
 * "todos": 5, "done": 2, "open": 3}, …]}}. Immutable.
 *
 * @param perUser users with at least one todo, most todos first, then by user id; at most {@link StatsHandler#TOP_USERS}
 */
record StatsJson(long users, long todos, long done, long open, List<PerUser> perUser) {

    /** One user's todos. */
    record PerUser(long userId, String name, long todos, long done, long open) {
    }
}
