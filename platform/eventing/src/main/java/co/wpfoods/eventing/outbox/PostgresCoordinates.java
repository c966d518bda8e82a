package co.wpfoods.eventing.outbox;

import java.net.URI;

/** Where the service's PostgreSQL database is, as Debezium needs it (host, port, name, credentials). */
public record PostgresCoordinates(String host, int port, String database, String user, String password) {

    /** Parses {@code jdbc:postgresql://host[:port]/database[?...]}. */
    public static PostgresCoordinates fromJdbcUrl(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("The outbox relay needs a jdbc:postgresql:// URL, got " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath();
        if (path == null || path.length() < 2) {
            throw new IllegalArgumentException("No database name in " + jdbcUrl);
        }
        return new PostgresCoordinates(
                uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path.substring(1), user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
