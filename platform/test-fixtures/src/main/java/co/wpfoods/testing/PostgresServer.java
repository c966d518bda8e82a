package co.wpfoods.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (zonky embedded binaries) with logical replication on, so Debezium can stream from it.
 *
 * <p>{@link #shared()} is one server per JVM for tests; {@link #start(Path, int)} starts one on a data directory that
 * survives restarts (local run, crash tests).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    private static PostgresServer shared;

    private final Path dataDirectory;
    private final int requestedPort;
    private EmbeddedPostgres postgres;
    private int lastPort;
    private String host = "localhost";
    private AutoCloseable container;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.requestedPort = port;
    }

    /** The JVM-wide test server, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = new PostgresServer(null, 0);
            if (Infrastructure.current().kind() == Infrastructure.Kind.CONTAINERS) {
                Containers.Started started = Containers.postgres();
                shared.container = started.container();
                shared.host = started.host();
                shared.lastPort = started.port();
            } else {
                shared.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** A server whose data lives in {@code dataDirectory} (kept across restarts); port 0 picks a free one. */
    public static PostgresServer start(Path dataDirectory, int port) {
        PostgresServer server = new PostgresServer(dataDirectory, port);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (postgres != null || container != null) {
            return;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "40")
                    .setServerConfig("max_replication_slots", "40")
                    // zonky turns this off by default, which delays changes reaching Debezium by ~200 ms
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            // after a restart, come back on the same port so clients can reconnect
            int port = requestedPort != 0 ? requestedPort : lastPort;
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            lastPort = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server; {@link #start()} brings it back on the same port with the same data (if it has a data dir). */
    @Override
    public synchronized void close() {
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public synchronized void restart() {
        close();
        start();
    }

    public int port() {
        return lastPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port() + "/" + database;
    }

    /** Creates a new, empty database with a unique name derived from {@code hint}; returns its name. */
    public String createDatabase(String hint) {
        String name = (hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASE_COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "d" + name.substring(1);
        }
        createDatabaseNamed(name);
        return name;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabaseNamed(String name) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }
}
