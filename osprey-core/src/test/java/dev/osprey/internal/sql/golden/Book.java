package dev.osprey.internal.sql.golden;

import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.References;
import dev.osprey.annotation.Table;

/** An entity for renderer golden tests, referring to {@link Author}. */
@Table("books")
public class Book {
    @Id @GeneratedValue Long id;
    @References(Author.class) Long authorId;
    String title;
    boolean done;

    Book() {
    }
}
