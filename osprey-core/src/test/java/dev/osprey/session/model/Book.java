package dev.osprey.session.model;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.References;
import dev.osprey.annotation.Table;

/** A book by an {@link Author}; titles are unique. */
@Table("ses_books")
public class Book {
    @Id @GeneratedValue public Long id;
    @References(Author.class) public Long authorId;
    @Column(length = 100, nullable = false, unique = true) public String title;

    public Book() {
    }

    public Book(Author author, String title) {
        this.authorId = author.id;
        this.title = title;
    }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + "]";
    }
}
