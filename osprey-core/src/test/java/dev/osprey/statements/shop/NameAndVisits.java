package dev.osprey.statements.shop;

/** A customer's name and visit count, for selects {@code .into(NameAndVisits.class)}. */
public record NameAndVisits(String name, int visits) {
}
