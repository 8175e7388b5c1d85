package dev.osprey.example;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, sent back in the {@code X-Request-Id} header and repeated in error bodies
 * and log lines: the client's own {@code X-Request-Id} when it is 1 to 64 characters of
 * {@code [A-Za-z0-9._-]}, else a new random one. Stateless and thread-safe.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The before-handler of every request: picks the id and sets the response header. */
    static void assign(Context ctx) {
        of(ctx);
    }

    /** The request's id, assigned on first use. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String sent = ctx.header(HEADER);
            id = sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }
}
