package dev.osprey.internal.engine;

import dev.osprey.Schema;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.sql.Dialect;
import dev.osprey.internal.sql.SchemaSql;
import dev.osprey.mapping.EntityModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The {@link Schema} of an {@link Engine}: orders the entities so that referenced tables come before
 * the tables that refer to them, has {@link SchemaSql} render their DDL, and runs it on one
 * connection. Where DDL is transactional (PostgreSQL, SQLite) the statements of one call commit
 * together or not at all; on MariaDB/MySQL each commits on its own, and a rerun skips what exists.
 * Where {@code CREATE INDEX IF NOT EXISTS} is missing (MySQL), an index whose name exists already is
 * skipped by catching the error (1061) rather than by reading {@code information_schema} first,
 * which would race with a concurrent creator. Argument mistakes throw at once. Thread-safe.
 */
final class EngineSchema implements Schema {
    private final Driver driver;
    private final SchemaSql sql;

    EngineSchema(Driver driver) {
        this.driver = driver;
        this.sql = new SchemaSql(driver.dialect());
    }

    /** One DDL statement; {@code index} marks a CREATE INDEX. */
    private record Ddl(String sql, boolean index) {
    }

    @Override
    public CompletableFuture<Void> createAll(Class<?>... entities) {
        return run(creation(ordered(entities)));
    }

    @Override
    public CompletableFuture<Void> dropAll(Class<?>... entities) {
        List<EntityModel<?>> models = new ArrayList<>(ordered(entities));
        Collections.reverse(models);
        return run(models.stream().map(model -> new Ddl(sql.dropTable(model), false)).toList());
    }

    @Override
    public List<String> ddl(Class<?>... entities) {
        return creation(ordered(entities)).stream().map(Ddl::sql).toList();
    }

    private List<Ddl> creation(List<EntityModel<?>> models) {
        List<Ddl> statements = new ArrayList<>();
        for (EntityModel<?> model : models) {
            statements.add(new Ddl(sql.createTable(model), false));
            for (String index : sql.createIndexes(model)) {
                statements.add(new Ddl(index, true));
            }
        }
        return statements;
    }

    private CompletableFuture<Void> run(List<Ddl> statements) {
        Dialect dialect = driver.dialect();
        return driver.withConnection(connection -> {
            boolean transaction = dialect.supportsTransactionalDdl() && statements.size() > 1;
            if (transaction) {
                connection.setAutoCommit(false);   // the driver rolls back whatever a failure leaves open
            }
            try (Statement statement = connection.createStatement()) {
                for (Ddl ddl : statements) {
                    execute(dialect, statement, ddl);
                }
            }
            if (transaction) {
                connection.commit();
            }
            return null;
        });
    }

    private static void execute(Dialect dialect, Statement statement, Ddl ddl) {
        try {
            statement.execute(ddl.sql());
        } catch (SQLException e) {
            if (ddl.index() && !dialect.supportsCreateIndexIfNotExists() && dialect.isAlreadyExists(e)) {
                return;   // the index exists: what IF NOT EXISTS would have done
            }
            throw dialect.translate(e, ddl.sql());
        }
    }

    // ---------------------------------------------------------------- order

    /**
     * The models of {@code entities} (duplicates dropped), each after the entities it references among
     * them; otherwise in the order given. A reference to an entity not given adds no order, and a
     * reference to itself is fine; a cycle between different entities cannot be created table by table.
     */
    static List<EntityModel<?>> ordered(Class<?>... entities) {
        if (entities == null || entities.length == 0) {
            throw new IllegalArgumentException("name at least one entity class");
        }
        Map<Class<?>, EntityModel<?>> models = new LinkedHashMap<>();
        for (Class<?> entity : entities) {
            if (entity == null) {
                throw new IllegalArgumentException("the entity classes must not be null");
            }
            models.computeIfAbsent(entity, EntityModel::of);
        }
        Set<Class<?>> done = new LinkedHashSet<>();
        List<Class<?>> path = new ArrayList<>();
        for (Class<?> entity : models.keySet()) {
            visit(entity, models, done, path);
        }
        return done.stream().<EntityModel<?>>map(models::get).toList();
    }

    private static void visit(Class<?> entity, Map<Class<?>, EntityModel<?>> models, Set<Class<?>> done,
                              List<Class<?>> path) {
        if (done.contains(entity)) {
            return;
        }
        int seen = path.indexOf(entity);
        if (seen >= 0) {
            List<Class<?>> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(entity);
            throw new IllegalArgumentException("the entities reference each other in a cycle ("
                    + cycle.stream().map(Class::getSimpleName).collect(Collectors.joining(" -> "))
                    + "), so no table can be created first; break the cycle, e.g. by removing one @References");
        }
        path.add(entity);
        for (Class<?> referenced : models.get(entity).references()) {
            if (referenced != entity && models.containsKey(referenced)) {
                visit(referenced, models, done, path);
            }
        }
        path.removeLast();
        done.add(entity);
    }
}
