package dev.osprey.internal.sql.golden;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.Enumerated;
import dev.osprey.annotation.EnumStorage;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** An entity for renderer golden tests. */
@Table("authors")
public class Author {
    /** For {@code @Enumerated(ORDINAL)} binding. */
    public enum Level { NEW, REGULAR, STAR }

    @Id @GeneratedValue Long id;
    @Column(length = 100, nullable = false) String name;
    @Column(unique = true) String email;
    int visits;
    Integer score;
    Instant joined;
    @Column(precision = 10, scale = 2) BigDecimal balance;
    @Enumerated(EnumStorage.ORDINAL) Level level;

    Author() {
    }
}
