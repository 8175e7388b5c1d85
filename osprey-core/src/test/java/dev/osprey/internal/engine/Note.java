package dev.osprey.internal.engine;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** A small entity for the insert-plan tests. */
@Table("engine_notes")
public class Note {
    @Id @GeneratedValue public Long id;
    @Column(length = 50, nullable = false, unique = true) public String text;
    public int rank;

    public Note() {
    }

    public Note(String text, int rank) {
        this.text = text;
        this.rank = rank;
    }

    @Override
    public String toString() {
        return "Note[" + id + ", " + text + "]";
    }
}
