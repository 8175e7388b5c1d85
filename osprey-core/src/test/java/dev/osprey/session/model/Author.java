package dev.osprey.session.model;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** Someone who writes {@link Book}s; names are unique. */
@Table("ses_authors")
public class Author {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false, unique = true) public String name;
    @Column(length = 200) public String bio;
    public int points;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Author[" + id + ", " + name + "]";
    }
}
