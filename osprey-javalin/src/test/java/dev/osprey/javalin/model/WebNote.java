package dev.osprey.javalin.model;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** A note with a unique text and a counter: the request-session tests' one table. */
@Table("web_notes")
public class WebNote {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false, unique = true) public String text;
    public int counter;

    public WebNote() {
    }

    public WebNote(String text) {
        this.text = text;
    }
}
