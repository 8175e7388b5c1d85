package dev.osprey.blog;

/** Refers to {@link Chicken}, which refers back. Metamodel: {@link Egg_}. */
public class Egg {
    public Long id;
    public Long chickenId;
}
