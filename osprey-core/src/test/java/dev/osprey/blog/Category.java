package dev.osprey.blog;

/**
 * A schema-test entity that refers to itself (a tree), its id assigned by the application.
 * Metamodel: {@link Category_}.
 */
public class Category {
    public Integer id;
    public Integer parentId;
    public String name;
}
