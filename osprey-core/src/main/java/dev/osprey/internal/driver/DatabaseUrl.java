package dev.osprey.internal.driver;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A database URL as the user wrote it, turned into what JDBC needs: the {@code jdbc:} URL, the
 * credentials apart, and the driver's extra properties. {@link #masked()} is the URL safe to show in
 * messages and logs (password replaced by {@code ****}). Immutable and thread-safe.
 *
 * @param kind       which database family, for driver defaults
 * @param jdbcUrl    the URL handed to the JDBC driver (without credentials for URL forms Osprey parses)
 * @param user       the user name, or {@code null}
 * @param password   the password, or {@code null}
 * @param properties extra driver properties (SQLite pragmas from the query string)
 * @param masked     the original URL with its password masked
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password, Map<String, String> properties,
                          String masked) {

    /** The database families Osprey configures itself. */
    public enum Kind {
        SQLITE_FILE, SQLITE_MEMORY, POSTGRESQL, MARIADB, OTHER;

        boolean isSqlite() {
            return this == SQLITE_FILE || this == SQLITE_MEMORY;
        }

        String driverClass() {
            return switch (this) {
                case SQLITE_FILE, SQLITE_MEMORY -> "org.sqlite.JDBC";
                case POSTGRESQL -> "org.postgresql.Driver";
                case MARIADB -> "org.mariadb.jdbc.Driver";
                case OTHER -> null;
            };
        }
    }

    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@?#]*:)[^@/?#]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;](?:password|pass|pwd)=)[^&;]*");
    private static final String SCHEMES = "sqlite:, postgresql://, postgres://, mysql://, mariadb:// or jdbc:";

    public DatabaseUrl {
        properties = Map.copyOf(properties);
    }

    /**
     * Parses a user's URL.
     *
     * @throws IllegalArgumentException naming the (masked) URL and what is wrong with it
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL must not be null or blank; expected " + SCHEMES);
        }
        String masked = mask(url.strip());
        String text = url.strip();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("malformed database URL '" + masked + "': no scheme; expected " + SCHEMES);
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "sqlite" -> sqlite(text.substring(colon + 1), masked);
            case "postgresql", "postgres" -> server(Kind.POSTGRESQL, "jdbc:postgresql://", 5432, text, masked);
            case "mysql", "mariadb" -> server(Kind.MARIADB, "jdbc:mariadb://", 3306, text, masked);
            case "jdbc" -> jdbc(text, masked);
            default -> throw new IllegalArgumentException("unsupported database URL '" + masked + "': scheme '" + scheme
                    + "' is not one of " + SCHEMES);
        };
    }

    /** Replaces the password in any URL form with {@code ****}. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1****@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1****");
    }

    private static DatabaseUrl sqlite(String rest, String masked) {
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("malformed database URL '" + masked
                    + "': no file after 'sqlite:'; write sqlite:path/to/file.db or sqlite::memory:");
        }
        Map<String, String> pragmas = q < 0 ? Map.of() : query(rest.substring(q + 1), masked);
        boolean memory = path.equals(":memory:");
        return new DatabaseUrl(memory ? Kind.SQLITE_MEMORY : Kind.SQLITE_FILE, "jdbc:sqlite:" + path, null, null,
                pragmas, masked);
    }

    private static DatabaseUrl server(Kind kind, String jdbcPrefix, int defaultPort, String text, String masked) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed database URL '" + masked + "': " + e.getReason()
                    + " at index " + e.getIndex() + " (percent-encode special characters in the password)");
        }
        if (uri.isOpaque()) {
            throw new IllegalArgumentException("malformed database URL '" + masked + "': expected "
                    + uri.getScheme() + "://user:password@host:port/database");
        }
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("malformed database URL '" + masked + "': cannot read the host name");
        }
        if (host == null || host.isEmpty()) {
            host = "localhost";
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? ""
                : decode(uri.getRawPath().substring(1));
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int at = userInfo.indexOf(':');
            user = decode(at < 0 ? userInfo : userInfo.substring(0, at));
            password = at < 0 ? null : decode(userInfo.substring(at + 1));
        }
        String jdbcUrl = jdbcPrefix + host + ":" + port + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(kind, jdbcUrl, user, password, Map.of(), masked);
    }

    private static DatabaseUrl jdbc(String text, String masked) {
        String lower = text.toLowerCase(Locale.ROOT);
        Kind kind;
        if (lower.startsWith("jdbc:sqlite:")) {
            kind = lower.startsWith("jdbc:sqlite::memory:") ? Kind.SQLITE_MEMORY : Kind.SQLITE_FILE;
        } else if (lower.startsWith("jdbc:postgresql:")) {
            kind = Kind.POSTGRESQL;
        } else if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            kind = Kind.MARIADB;
        } else {
            kind = Kind.OTHER;
        }
        return new DatabaseUrl(kind, text, null, null, Map.of(), masked);
    }

    private static Map<String, String> query(String query, String masked) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed database URL '" + masked + "': parameter '" + pair
                        + "' has no value");
            }
            params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
