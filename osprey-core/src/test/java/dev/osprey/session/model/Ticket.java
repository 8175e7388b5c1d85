package dev.osprey.session.model;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

import java.util.UUID;

/** A ticket known by a UUID the application makes: an entity whose id is stored as each database stores UUIDs. */
@Table("ses_tickets")
public class Ticket {
    @Id public UUID id;
    @Column(length = 100) public String subject;

    public Ticket() {
    }

    public Ticket(UUID id, String subject) {
        this.id = id;
        this.subject = subject;
    }
}
