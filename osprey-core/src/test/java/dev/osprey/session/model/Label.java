package dev.osprey.session.model;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** A label known by its own text: an entity whose id is a string the application chooses. */
@Table("ses_labels")
public class Label {
    @Id @Column(length = 40) public String code;
    @Column(length = 100) public String title;

    public Label() {
    }

    public Label(String code, String title) {
        this.code = code;
        this.title = title;
    }
}
