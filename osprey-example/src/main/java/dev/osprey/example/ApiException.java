package dev.osprey.example;

/**
 * A request the service refuses, with the HTTP status and the {@code error} code, {@code field} and
 * message of the error body it becomes (see {@link ErrorMapping}). Immutable and thread-safe.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    private ApiException(int status, String code, String field, String message) {
        super(message, null, false, false);   // a refusal, not a bug: no stack trace to fill in
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** The body is not JSON, or JSON of the wrong shape. */
    static ApiException malformedJson(String message) {
        return new ApiException(400, "malformed_json", null, message);
    }

    /** A field of the body, a path or query parameter is missing or wrong. */
    static ApiException invalid(String field, String message) {
        return new ApiException(400, "validation_failed", field, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", null, message);
    }

    /** The request breaks a uniqueness rule, such as an email already taken. */
    static ApiException conflict(String field, String message) {
        return new ApiException(409, "conflict", field, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }
}
