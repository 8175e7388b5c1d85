package dev.osprey.example;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * The body of {@code POST /users} (and each item of {@code POST /users/bulk}): a name and an email,
 * checked. Immutable.
 */
record UserInput(String name, String email) {
    static final Set<String> FIELDS = Set.of("name", "email");

    /** Reads and checks one user object; {@code prefix} names it in errors ({@code ""} or {@code "items[3]."}). */
    static UserInput read(ObjectNode node, String prefix) {
        var fields = new BodyFields(node, prefix, FIELDS);
        return new UserInput(fields.requiredText("name", User.NAME_LENGTH),
                fields.requiredEmail("email", User.EMAIL_LENGTH));
    }
}
