package dev.osprey.example;

import dev.osprey.Database;

import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Runs the {@link TodoService} until Ctrl-C:
 * {@code java dev.osprey.example.Main [--db <url>] [--port <n>]}. The database URL comes from
 * {@code --db}, else {@code OSPREY_DB_URL}, else {@code sqlite:osprey-example.db} (a file in the working
 * directory); the port from {@code --port}, else {@code PORT}, else 8080. On shutdown the server stops
 * first, then the database.
 */
public final class Main {
    static final String DEFAULT_URL = "sqlite:osprey-example.db";
    static final int DEFAULT_PORT = 8080;
    private static final String USAGE = "usage: Main [--db <url>] [--port <n>]   (or OSPREY_DB_URL, PORT)";
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/@:]*:)[^/@]*@");
    private static final Pattern PARAMETER_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = System.getenv().getOrDefault("OSPREY_DB_URL", DEFAULT_URL);
        String port = System.getenv().getOrDefault("PORT", String.valueOf(DEFAULT_PORT));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> url = value(args, ++i);
                case "--port" -> port = value(args, ++i);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown argument '" + args[i] + "'");
            }
        }
        int portNumber = port(port);

        Database db = Database.connect(url);
        TodoService service;
        try {
            service = TodoService.start(db, portNumber);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            db.close();
            stopped.countDown();
        }, "osprey-example-shutdown"));
        System.out.println("Osprey example service on " + service.url() + " (database " + masked(url) + ")");
        stopped.await();
    }

    /** {@code url} with its password replaced by {@code ****}. */
    static String masked(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceFirst("$1****@");
        return PARAMETER_PASSWORD.matcher(masked).replaceAll("$1****");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("the port must be a number from 0 to 65535, not '" + text + "'");
        return -1;
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
