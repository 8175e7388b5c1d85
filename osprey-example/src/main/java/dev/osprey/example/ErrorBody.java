package dev.osprey.example;

/**
 * The JSON of every error response:
 * {@code {"error": "not_found", "message": "…", "field": null, "request_id": "…"}}. Immutable.
 *
 * @param error     a stable code: malformed_json, validation_failed, not_found, conflict, internal, …
 * @param message   for people; never SQL or a stack trace
 * @param field     the field or parameter at fault, or null
 * @param requestId the request's {@link RequestIds id}
 */
record ErrorBody(String error, String message, String field, String requestId) {
}
