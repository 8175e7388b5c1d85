package dev.osprey.session;

import dev.osprey.Database;
import dev.osprey.Session;
import dev.osprey.session.model.Label;
import dev.osprey.session.model.Ticket;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;

import java.util.UUID;

import static dev.osprey.query.Sql.insert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session reads by id whatever the id's type: a string or a UUID chosen by the application, stored
 * as each database stores them, found by {@code get} and {@code refresh}, and the id given in another
 * type that converts to it (a UUID's text) finds the same row.
 */
class IdTypesTest {

    @OnEachDatabase
    void getAndRefreshFindEntitiesByStringAndUuidIds(TestDb t) {
        Database db = t.db();
        db.schema().dropAll(Label.class, Ticket.class).join();
        db.schema().createAll(Label.class, Ticket.class).join();
        UUID one = UUID.randomUUID();
        db.execute(insert(Label.class).values(java.util.List.of(new Label("red", "Red"), new Label("blue", "Blue")))).join();
        db.execute(insert(Ticket.class).values(java.util.List.of(new Ticket(one, "First"), new Ticket(UUID.randomUUID(), "Second")))).join();

        for (int round = 0; round < 3; round++) {   // the second time, the text of the read is known already
            try (Session s = db.session()) {
                assertThat(s.get(Label.class, "blue").join().title).isEqualTo("Blue");
                assertThat(s.get(Label.class, "green").join()).isNull();
                Ticket ticket = s.get(Ticket.class, one).join();
                assertThat(ticket.subject).isEqualTo("First");
                assertThat(s.get(Ticket.class, one.toString()).join()).as("the same instance, by the id's text")
                        .isSameAs(ticket);
                assertThat(s.get(Ticket.class, UUID.randomUUID()).join()).isNull();

                ticket.subject = "not saved";
                assertThat(s.refresh(ticket).join().subject).isEqualTo("First");
            }
        }
        try (Session s = db.session()) {   // a fresh session, so the identity map does not answer
            assertThat(s.get(Ticket.class, one.toString()).join().subject).isEqualTo("First");
        }
    }
}
