package dev.osprey.blog;

/** Refers to {@link Egg}, which refers back: a cycle no table order can create. Metamodel: {@link Chicken_}. */
public class Chicken {
    public Long id;
    public Long eggId;
}
