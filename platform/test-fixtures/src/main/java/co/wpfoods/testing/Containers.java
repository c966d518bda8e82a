package co.wpfoods.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The containers behind {@link PostgresServer#shared()} and {@link KafkaServer#shared()} when {@link Infrastructure}
 * chose them: PostgreSQL configured as the embedded server is (logical replication for Debezium, enough slots and
 * connections) and Apache Kafka in KRaft mode without topic auto-creation. Loaded only then, so runs without Docker
 * never touch Testcontainers.
 */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private Containers() {}

    /** A started container and where to reach it ({@code host:port}, or Kafka's bootstrap servers). */
    record Started(AutoCloseable container, String host, int port, String bootstrapServers) {}

    static Started postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withDatabaseName("postgres")
                .withCommand(
                        "postgres",
                        "-c",
                        "wal_level=logical",
                        "-c",
                        "max_wal_senders=40",
                        "-c",
                        "max_replication_slots=40",
                        "-c",
                        "max_connections=300",
                        "-c",
                        "fsync=off");
        container.start();
        return new Started(container, container.getHost(), container.getMappedPort(5432), null);
    }

    static Started kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new Started(container, container.getHost(), 0, container.getBootstrapServers());
    }
}
