/**
 * Session per request for Javalin 7: {@link dev.osprey.javalin.RequestSessions} turns a
 * {@link dev.osprey.javalin.SessionHandler} into a Javalin {@code Handler} that runs in a new Osprey
 * session's transaction, asynchronously, and commits when the handler's stage completes.
 */
package dev.osprey.javalin;
