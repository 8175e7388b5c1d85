package dev.osprey.statements.shop;

/** A customer's loyalty tier, stored by ordinal: BRONZE 0, SILVER 1, GOLD 2. */
public enum Tier { BRONZE, SILVER, GOLD }
