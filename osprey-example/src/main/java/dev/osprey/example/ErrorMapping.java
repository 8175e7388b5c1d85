package dev.osprey.example;

import dev.osprey.IntegrityViolationException;
import dev.osprey.NoResultException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Turns every exception that reaches Javalin into the service's {@link ErrorBody}: refusals by their
 * {@link ApiException}, a taken email (the {@code uq_users_email} constraint) into 409, a todo whose user
 * vanished (a foreign-key violation) or a missing row into 404, Javalin's own refusals (unknown route, body
 * too large) by their status, and anything else into a 500 {@code internal error} logged at ERROR with the
 * request id. Stateless and thread-safe.
 */
final class ErrorMapping {
    /** The name Osprey's schema gives {@code @Column(unique = true)} on {@code users.email}. */
    static final String EMAIL_CONSTRAINT = "uq_users_email";

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.field(), e.getMessage()));
        routes.exception(IntegrityViolationException.class, ErrorMapping::integrity);
        routes.exception(NoResultException.class, (e, ctx) -> send(ctx, 404, "not_found", null, "not found"));
        routes.exception(HttpResponseException.class, ErrorMapping::http);
        routes.exception(Exception.class, ErrorMapping::internal);
    }

    private static void integrity(IntegrityViolationException e, Context ctx) {
        if (isEmailTaken(e)) {
            send(ctx, 409, "conflict", "email", "email is already taken");
        } else if (e.kind() == IntegrityViolationException.Kind.FOREIGN_KEY) {
            send(ctx, 404, "not_found", null, "user not found");   // deleted while its todos were being added
        } else {
            internal(e, ctx);
        }
    }

    /**
     * Whether {@code e} is a duplicate email. PostgreSQL and MariaDB name the constraint; SQLite names no
     * unique constraint, only the column, in its message ({@code UNIQUE constraint failed: users.email}).
     */
    static boolean isEmailTaken(IntegrityViolationException e) {
        if (e.kind() != IntegrityViolationException.Kind.UNIQUE) {
            return false;
        }
        if (e.constraint() != null) {
            return EMAIL_CONSTRAINT.equalsIgnoreCase(e.constraint());
        }
        return e.getMessage() != null && e.getMessage().contains("users.email");
    }

    private static void http(HttpResponseException e, Context ctx) {
        String code = switch (e.getStatus()) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> e.getStatus() >= 500 ? "internal" : "http_" + e.getStatus();
        };
        send(ctx, e.getStatus(), code, null, e.getMessage());
    }

    private static void internal(Exception e, Context ctx) {
        RequestLog.LOG.error("{} {} failed with request_id={}", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
        send(ctx, 500, "internal", null, "internal error");
    }

    private static void send(Context ctx, int status, String code, String field, String message) {
        ctx.status(status).json(new ErrorBody(code, message, field, RequestIds.of(ctx)));
    }
}
