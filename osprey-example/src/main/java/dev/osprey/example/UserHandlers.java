package dev.osprey.example;

import dev.osprey.Session;
import dev.osprey.query.Column;
import dev.osprey.query.Sql;
import dev.osprey.query.Select;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;
import static dev.osprey.query.Sql.update;

/**
 * The {@code /users} endpoints, each a {@link dev.osprey.javalin.SessionHandler}: every request body and
 * parameter is checked before the session is used. Immutable and thread-safe.
 */
final class UserHandlers {
    private static final Map<String, Column<User, ?>> SORTABLE = sortable();

    private final JsonBodies json;
    private final Clock clock;

    UserHandlers(JsonBodies json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** {@code POST /users}: 201 with the user and its {@code Location}. */
    CompletionStage<UserJson> create(Context ctx, Session s) {
        UserInput input = UserInput.read(json.object(ctx), "");
        User user = s.add(new User(input.name(), input.email(), now()));
        return s.flush().thenApply(done -> {
            ctx.status(201).header("Location", "/users/" + user.id);
            return UserJson.of(user);
        });
    }

    /** {@code POST /users/bulk}: every user or none, in one multi-row insert in the request's transaction. */
    CompletionStage<List<UserJson>> createBulk(Context ctx, Session s) {
        List<UserInput> inputs = BulkItems.read(json.array(ctx), UserInput::read);
        Map<String, Integer> firstWithEmail = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Integer earlier = firstWithEmail.putIfAbsent(inputs.get(i).email(), i);
            if (earlier != null) {
                throw ApiException.conflict("email", "items[" + i + "].email repeats items[" + earlier + "].email");
            }
        }
        Instant now = now();
        List<User> users = inputs.stream().map(input -> new User(input.name(), input.email(), now)).toList();
        return s.execute(insert(User.class).values(users)).thenApply(rows -> {
            ctx.status(201);
            return users.stream().map(UserJson::of).toList();
        });
    }

    /** {@code GET /users/{id}}. */
    CompletionStage<UserJson> get(Context ctx, Session s) {
        long id = Params.id(ctx);
        return s.get(User.class, id).thenApply(user -> UserJson.of(found(user)));
    }

    /** {@code GET /users?name=&sort=&page=&page_size=}: a page of the users whose name contains {@code name}, ignoring case. */
    CompletionStage<PageJson<UserJson>> list(Context ctx, Session s) {
        String name = Params.text(ctx, "name");
        var order = Sorting.of(ctx, SORTABLE, User_.ID);
        Paging paging = Paging.of(ctx);
        Select<User> matching = name == null ? select(User.class)
                : select(User.class).where(User_.NAME.containsIgnoreCase(name));
        return PageJson.read(s, matching, order, paging, UserJson::of);
    }

    /** {@code PATCH /users/{id}}: sets the fields that were sent. */
    CompletionStage<UserJson> patch(Context ctx, Session s) {
        long id = Params.id(ctx);
        var fields = new BodyFields(json.object(ctx), "", UserInput.FIELDS);
        String name = fields.optionalText("name", User.NAME_LENGTH);
        String email = fields.optionalEmail("email", User.EMAIL_LENGTH);
        return s.get(User.class, id).thenCompose(found -> {
            User user = found(found);
            if (name != null) {
                user.name = name;
            }
            if (email != null) {
                user.email = email;
            }
            return s.flush().thenApply(done -> UserJson.of(user));
        });
    }

    /** {@code DELETE /users/{id}}: 204; the database deletes the user's todos (ON DELETE CASCADE). */
    CompletionStage<Void> delete(Context ctx, Session s) {
        long id = Params.id(ctx);
        return s.execute(Sql.delete(User.class).where(User_.ID.eq(id))).thenApply(rows -> {
            if (rows == 0) {
                throw notFound();
            }
            ctx.status(204);
            return null;
        });
    }

    /** {@code POST /users/{id}/increment}: one atomic {@code count = count + 1}, then the user read back. */
    CompletionStage<UserJson> increment(Context ctx, Session s) {
        long id = Params.id(ctx);
        return s.execute(update(User.class).set(User_.COUNT, User_.COUNT.plus(1)).where(User_.ID.eq(id)))
                .thenCompose(rows -> {
                    if (rows == 0) {
                        throw notFound();
                    }
                    return s.get(User.class, id);
                })
                .thenApply(user -> UserJson.of(found(user)));
    }

    static User found(User user) {
        if (user == null) {
            throw notFound();
        }
        return user;
    }

    static ApiException notFound() {
        return ApiException.notFound("user not found");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);   // what every database keeps
    }

    private static Map<String, Column<User, ?>> sortable() {
        Map<String, Column<User, ?>> fields = new LinkedHashMap<>();
        fields.put("id", User_.ID);
        fields.put("name", User_.NAME);
        fields.put("email", User_.EMAIL);
        fields.put("count", User_.COUNT);
        fields.put("created_at", User_.CREATED_AT);
        return fields;
    }
}
