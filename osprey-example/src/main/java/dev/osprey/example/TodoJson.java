package dev.osprey.example;

import java.time.LocalDate;

/**
 * A todo as the API shows it:
 * {@code {"id": 7, "user_id": 1, "title": "Buy milk", "done": false, "due_date": "2026-12-01"}}
 * ({@code due_date} may be null). Immutable.
 */
record TodoJson(long id, long userId, String title, boolean done, LocalDate dueDate) {
    static TodoJson of(Todo todo) {
        return new TodoJson(todo.id, todo.userId, todo.title, todo.done, todo.dueDate);
    }
}
