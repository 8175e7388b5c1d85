package dev.osprey.query;

/**
 * A statement that changes rows and reports how many: {@link Insert}, {@link Update},
 * {@link Delete}. Run it with {@code db.execute(statement)}.
 */
public interface Mutation {
}
