package co.wpfoods.eventing.outbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the service's PostgreSQL database is, as Debezium needs it: host, port, name, credentials, and the URL's
 * parameters (e.g. {@code sslmode}), which are passed on rather than dropped.
 */
public record PostgresCoordinates(
        String host,
        int port,
        String database,
        String user,
        String password,
        String jdbcUrl,
        Map<String, String> parameters) {

    /** Parses {@code jdbc:postgresql://host[:port]/database[?key=value&...]} (one host). */
    public static PostgresCoordinates fromJdbcUrl(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("The outbox relay needs a jdbc:postgresql:// URL, got " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The outbox relay needs a single-host URL, got " + jdbcUrl);
        }
        String path = uri.getPath();
        if (path == null || path.length() < 2) {
            throw new IllegalArgumentException("No database name in " + jdbcUrl);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return new PostgresCoordinates(
                uri.getHost(),
                uri.getPort() == -1 ? 5432 : uri.getPort(),
                path.substring(1),
                user,
                password,
                jdbcUrl,
                Map.copyOf(parameters));
    }
}
