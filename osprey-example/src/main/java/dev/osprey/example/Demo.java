package dev.osprey.example;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.IntegrityViolationException;
import dev.osprey.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A small runnable demo of the Osprey engine, standing in until the REST example service arrives.
 *
 * <p>It connects to the database named by the first argument, else by the {@code OSPREY_DB_URL}
 * environment variable, else to the embedded SQLite file {@code osprey-demo.db} in the working
 * directory. Then it creates a {@code demo_users} table (portable DDL for SQLite, PostgreSQL and
 * MariaDB), adds a few users if absent, increments visit counters atomically with named parameters,
 * runs 100 increments concurrently, lists the rows, shows how a duplicate key is reported, and runs
 * plain JDBC through {@code withConnection}. Running it again on the same database works.
 *
 * <p>Run it with {@code ./mvnw -q -B -pl osprey-example -am -DskipTests package exec:java}, adding
 * {@code -Dexec.args=postgresql://user@host:5432/db} to use another database.
 */
public final class Demo {
    private static final String DEFAULT_URL = "sqlite:osprey-demo.db";
    private static final List<String> USERS = List.of("alice", "bob", "carol");
    private static final String INCREMENT = "UPDATE demo_users SET visits = visits + 1 WHERE name = :name";
    private static final int CONCURRENT = 100;

    private Demo() {
    }

    public static void main(String[] args) {
        String env = System.getenv("OSPREY_DB_URL");
        String url = args.length > 0 && !args[0].isBlank() ? args[0]
                : env != null && !env.isBlank() ? env : DEFAULT_URL;
        System.out.println("Osprey demo: connecting to " + url);

        try (Database db = Database.connect(url, Config.builder().maxPoolSize(8).build())) {
            // 1. Plain JDBC through withConnection: which database is this?
            String product = db.withConnection(conn -> {
                var meta = conn.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }).join();
            System.out.println("Connected to " + product);

            // 2. Portable DDL: a natural primary key avoids identity-column syntax differences.
            db.execute("CREATE TABLE IF NOT EXISTS demo_users ("
                    + "name VARCHAR(100) PRIMARY KEY, visits INTEGER NOT NULL)").join();

            // 3. Insert the users that are not there yet (so the demo can run again on the same database).
            for (String name : USERS) {
                if (db.query("SELECT name FROM demo_users WHERE name = ?", name).join().isEmpty()) {
                    db.execute("INSERT INTO demo_users (name, visits) VALUES (?, ?)", name, 0).join();
                    System.out.println("Inserted user " + name);
                } else {
                    System.out.println("User " + name + " already exists");
                }
            }

            // 4. One atomic increment with a named parameter.
            long changed = db.execute(INCREMENT, Map.of("name", "bob")).join();
            System.out.println("Incremented bob's visits (" + changed + " row changed)");

            // 5. 100 concurrent increments: the counter must go up by exactly 100.
            long before = visits(db, "alice");
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(db.execute(INCREMENT, Map.of("name", "alice")));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            long after = visits(db, "alice");
            System.out.printf("%d concurrent increments of alice: %d -> %d (+%d) %s%n",
                    CONCURRENT, before, after, after - before, after - before == CONCURRENT ? "OK" : "MISMATCH");
            if (after - before != CONCURRENT) {
                throw new IllegalStateException("expected +" + CONCURRENT + " visits, got +" + (after - before));
            }

            // 6. Query all rows.
            System.out.println("demo_users:");
            for (Row row : db.query("SELECT name, visits FROM demo_users ORDER BY name").join()) {
                System.out.printf("  %-10s %6d visits%n", row.getString("name"), row.getLong("visits"));
            }

            // 7. A clear error: inserting a duplicate key fails with IntegrityViolationException.
            try {
                db.execute("INSERT INTO demo_users (name, visits) VALUES (?, ?)", "alice", 0).join();
                System.out.println("Unexpected: duplicate insert succeeded");
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof IntegrityViolationException violation)) {
                    throw e;
                }
                System.out.println("Duplicate insert rejected as expected:");
                System.out.println("  kind:       " + violation.kind());
                System.out.println("  constraint: " + violation.constraint());
                System.out.println("  message:    " + violation.getMessage());
            }
        }
        System.out.println("Done.");
    }

    /** The current visit count of one user. */
    private static long visits(Database db, String name) {
        return db.query("SELECT visits FROM demo_users WHERE name = :name", Map.of("name", name))
                .join().getFirst().getLong("visits");
    }
}
