package dev.osprey.example;

import dev.osprey.Session;
import dev.osprey.query.Tuple;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.osprey.query.Sql.count;
import static dev.osprey.query.Sql.select;

/**
 * {@code GET /stats}: counts computed by the database with GROUP BY, never by loading rows. Four
 * aggregate queries in one read-only session: the users, the todos by {@code done}, the top users by
 * number of todos (joined with their names), and the done todos of those users. Stateless and thread-safe.
 */
final class StatsHandler {
    static final int TOP_USERS = 100;

    CompletionStage<StatsJson> get(Context ctx, Session s) {
        CompletableFuture<Long> users = s.scalar(select(count()).from(User.class));
        CompletableFuture<List<Tuple>> byDone = s.scalars(select(Todo_.DONE, count()).groupBy(Todo_.DONE));
        CompletableFuture<List<Tuple>> top = s.scalars(select(Todo_.USER_ID, User_.NAME, count())
                .join(User.class).on(User_.ID.eq(Todo_.USER_ID))
                .groupBy(Todo_.USER_ID, User_.NAME)
                .orderBy(count().desc(), Todo_.USER_ID.asc())
                .limit(TOP_USERS));
        return users.thenCompose(userCount -> byDone.thenCompose(doneRows -> top.thenCompose(topRows ->
                doneOf(s, topRows).thenApply(doneByUser -> stats(userCount, doneRows, topRows, doneByUser)))));
    }

    private static StatsJson stats(long users, List<Tuple> byDone, List<Tuple> top, Map<Long, Long> doneByUser) {
        long todos = 0;
        long done = 0;
        for (Tuple row : byDone) {
            long n = row.get(1, Long.class);
            todos += n;
            if (Boolean.TRUE.equals(row.get(0))) {
                done += n;
            }
        }
        List<StatsJson.PerUser> perUser = top.stream().map(row -> {
            long userId = row.get(0, Long.class);
            long userTodos = row.get(2, Long.class);
            long userDone = doneByUser.getOrDefault(userId, 0L);
            return new StatsJson.PerUser(userId, row.get(1, String.class), userTodos, userDone, userTodos - userDone);
        }).toList();
        return new StatsJson(users, todos, done, todos - done, perUser);
    }

    /** The done todos of each user in {@code top}, by user id. */
    private static CompletableFuture<Map<Long, Long>> doneOf(Session s, List<Tuple> top) {
        if (top.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Long> ids = top.stream().map(row -> row.get(0, Long.class)).toList();
        return s.scalars(select(Todo_.USER_ID, count())
                        .where(Todo_.DONE.eq(true), Todo_.USER_ID.in(ids))
                        .groupBy(Todo_.USER_ID))
                .thenApply(rows -> {
                    Map<Long, Long> done = new HashMap<>();
                    rows.forEach(row -> done.put(row.get(0, Long.class), row.get(1, Long.class)));
                    return done;
                });
    }
}
