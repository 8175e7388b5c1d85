/**
 * The example REST service: users and their todos over HTTP and JSON, built on Osprey, Javalin 7 and
 * {@code osprey-javalin}'s session per request. Start it with {@link dev.osprey.example.Main} or, in a
 * test, {@link dev.osprey.example.TodoService#start}.
 */
package dev.osprey.example;
