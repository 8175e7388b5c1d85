package dev.osprey.example;

import dev.osprey.Repository;
import dev.osprey.Session;
import dev.osprey.query.Column;
import dev.osprey.query.Sql;
import dev.osprey.query.Predicate;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.osprey.query.Sql.insert;
import static dev.osprey.query.Sql.select;

/**
 * The todo endpoints ({@code /users/{id}/todos} and {@code /todos}), each a
 * {@link dev.osprey.javalin.SessionHandler}: every request body and parameter is checked before the
 * session is used. Immutable and thread-safe.
 */
final class TodoHandlers {
    private static final Repository<User, Long> USERS = Repository.of(User.class, Long.class);
    private static final Map<String, Column<Todo, ?>> SORTABLE = sortable();

    private final JsonBodies json;

    TodoHandlers(JsonBodies json) {
        this.json = json;
    }

    /** {@code POST /users/{id}/todos}: 201 with the todo and its {@code Location}; 404 if the user does not exist. */
    CompletionStage<TodoJson> create(Context ctx, Session s) {
        long userId = Params.id(ctx);
        TodoInput input = TodoInput.read(json.object(ctx), "");
        return userExists(s, userId).thenCompose(exists -> {
            Todo todo = s.add(input.toTodo(userId));
            return s.flush().thenApply(done -> {
                ctx.status(201).header("Location", "/todos/" + todo.id);
                return TodoJson.of(todo);
            });
        });
    }

    /** {@code POST /users/{id}/todos/bulk}: every todo or none, in one multi-row insert. */
    CompletionStage<List<TodoJson>> createBulk(Context ctx, Session s) {
        long userId = Params.id(ctx);
        List<TodoInput> inputs = BulkItems.read(json.array(ctx), TodoInput::read);
        List<Todo> todos = inputs.stream().map(input -> input.toTodo(userId)).toList();
        return userExists(s, userId)
                .thenCompose(exists -> s.execute(insert(Todo.class).values(todos)))
                .thenApply(rows -> {
                    ctx.status(201);
                    return todos.stream().map(TodoJson::of).toList();
                });
    }

    /** {@code GET /todos/{id}}. */
    CompletionStage<TodoJson> get(Context ctx, Session s) {
        long id = Params.id(ctx);
        return s.get(Todo.class, id).thenApply(todo -> TodoJson.of(found(todo)));
    }

    /** {@code GET /todos?user_id=&done=&due_before=&title=&sort=&page=&page_size=}. */
    CompletionStage<PageJson<TodoJson>> list(Context ctx, Session s) {
        List<Predicate> where = new ArrayList<>();
        Long userId = Params.integer(ctx, "user_id");
        if (userId != null) {
            where.add(Todo_.USER_ID.eq(userId));
        }
        Boolean done = Params.bool(ctx, "done");
        if (done != null) {
            where.add(Todo_.DONE.eq(done));
        }
        LocalDate dueBefore = Params.date(ctx, "due_before");
        if (dueBefore != null) {
            where.add(Todo_.DUE_DATE.lt(dueBefore));   // NULL is never before anything
        }
        String title = Params.text(ctx, "title");
        if (title != null) {
            where.add(Todo_.TITLE.containsIgnoreCase(title));
        }
        var order = Sorting.of(ctx, SORTABLE, Todo_.ID);
        Paging paging = Paging.of(ctx);
        return PageJson.read(s, select(Todo.class).where(where.toArray(Predicate[]::new)), order, paging,
                TodoJson::of);
    }

    /** {@code PATCH /todos/{id}}: sets the fields that were sent; {@code "due_date": null} clears the date. */
    CompletionStage<TodoJson> patch(Context ctx, Session s) {
        long id = Params.id(ctx);
        var fields = new BodyFields(json.object(ctx), "", TodoInput.FIELDS);
        String title = fields.optionalText("title", Todo.TITLE_LENGTH);
        Boolean done = fields.bool("done");
        boolean dueDateSent = fields.has("due_date");
        LocalDate dueDate = fields.date("due_date");
        return s.get(Todo.class, id).thenCompose(found -> {
            Todo todo = found(found);
            if (title != null) {
                todo.title = title;
            }
            if (done != null) {
                todo.done = done;
            }
            if (dueDateSent) {
                todo.dueDate = dueDate;
            }
            return s.flush().thenApply(flushed -> TodoJson.of(todo));
        });
    }

    /** {@code DELETE /todos/{id}}: 204. */
    CompletionStage<Void> delete(Context ctx, Session s) {
        long id = Params.id(ctx);
        return s.execute(Sql.delete(Todo.class).where(Todo_.ID.eq(id))).thenApply(rows -> {
            if (rows == 0) {
                throw notFound();
            }
            ctx.status(204);
            return null;
        });
    }

    private static CompletableFuture<Boolean> userExists(Session s, long userId) {
        return USERS.exists(s, userId).thenApply(exists -> {
            if (!exists) {
                throw UserHandlers.notFound();
            }
            return true;
        });
    }

    private static Todo found(Todo todo) {
        if (todo == null) {
            throw notFound();
        }
        return todo;
    }

    private static ApiException notFound() {
        return ApiException.notFound("todo not found");
    }

    private static Map<String, Column<Todo, ?>> sortable() {
        Map<String, Column<Todo, ?>> fields = new LinkedHashMap<>();
        fields.put("id", Todo_.ID);
        fields.put("title", Todo_.TITLE);
        fields.put("done", Todo_.DONE);
        fields.put("due_date", Todo_.DUE_DATE);
        fields.put("user_id", Todo_.USER_ID);
        return fields;
    }
}
