package dev.osprey.example;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Index;
import dev.osprey.annotation.OnDelete;
import dev.osprey.annotation.References;
import dev.osprey.annotation.Table;

import java.time.LocalDate;

/**
 * Something a {@link User} has to do, table {@code todos}: deleted with its user (ON DELETE CASCADE),
 * indexed by user and by due date. Mutable and not thread-safe, like every entity.
 */
@Table(value = "todos", indexes = {@Index(fields = "userId"), @Index(fields = "dueDate")})
public class Todo {
    static final int TITLE_LENGTH = 200;

    @Id @GeneratedValue Long id;
    @References(value = User.class, onDelete = OnDelete.CASCADE) long userId;
    @Column(length = TITLE_LENGTH, nullable = false) String title;
    @Column(defaultValue = "false") boolean done;
    LocalDate dueDate;

    Todo() {
    }

    Todo(long userId, String title, boolean done, LocalDate dueDate) {
        this.userId = userId;
        this.title = title;
        this.done = done;
        this.dueDate = dueDate;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public boolean isDone() {
        return done;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }
}
