package dev.osprey.example;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.Set;

/**
 * The body of {@code POST /users/{id}/todos} (and each item of its bulk form): a title, {@code done}
 * (false when left out) and an optional due date, checked. Immutable.
 */
record TodoInput(String title, boolean done, LocalDate dueDate) {
    static final Set<String> FIELDS = Set.of("title", "done", "due_date");

    /** Reads and checks one todo object; {@code prefix} names it in errors ({@code ""} or {@code "items[3]."}). */
    static TodoInput read(ObjectNode node, String prefix) {
        var fields = new BodyFields(node, prefix, FIELDS);
        String title = fields.requiredText("title", Todo.TITLE_LENGTH);
        Boolean done = fields.bool("done");
        return new TodoInput(title, done != null && done, fields.date("due_date"));
    }

    Todo toTodo(long userId) {
        return new Todo(userId, title, done, dueDate);
    }
}
