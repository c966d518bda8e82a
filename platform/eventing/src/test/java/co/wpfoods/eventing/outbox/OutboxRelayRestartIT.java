package co.wpfoods.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.PostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A relay whose database refuses it keeps trying, reports why meanwhile, and publishes once it is let in. */
class OutboxRelayRestartIT {

    static final String TOPIC = "restart.test.v1";

    @Test
    void a_relay_that_cannot_connect_reports_down_and_recovers_by_itself() throws Exception {
        KafkaServer.shared().declareTopics(TOPIC);
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("relay_restart");
        String role = "relay_" + database;
        admin(postgres, "postgres", "CREATE ROLE " + role + " LOGIN REPLICATION PASSWORD 'relay'");
        admin(postgres, "postgres", "ALTER DATABASE " + database + " OWNER TO " + role);
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), role, "relay")
                .locations("classpath:db/eventing")
                .load()
                .migrate();
        admin(postgres, "postgres", "ALTER ROLE " + role + " NOLOGIN");

        try (var dataSource = new HikariDataSource();
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KafkaServer.shared().bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            dataSource.setJdbcUrl(postgres.jdbcUrl(database));
            dataSource.setUsername(role);
            dataSource.setPassword("relay");
            dataSource.setInitializationFailTimeout(-1);
            var relay = new OutboxRelay(
                    TestRelayProperties.quick("restart", true),
                    "restart",
                    PostgresCoordinates.fromJdbcUrl(postgres.jdbcUrl(database), role, "relay"),
                    producer,
                    JdbcClient.create(dataSource),
                    new SimpleMeterRegistry());

            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.failure() != null);

            admin(postgres, "postgres", "ALTER ROLE " + role + " LOGIN");
            UUID id = insert(postgres.jdbcUrl(database), role);

            try (var consumer = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), TOPIC)) {
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> consumer.poll().stream()
                                .anyMatch(r -> id.toString().equals(KafkaTestConsumer.header(r, Headers.EVENT_ID))));
            }
            assertThat(relay.failure()).isNull();
            assertThat(relay.isRunning()).isTrue();
            relay.close();
        }
    }

    private static UUID insert(String url, String role) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, role, "relay");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at) VALUES (?,?,?,?,?,?)")) {
            insert.setObject(1, id);
            insert.setString(2, TOPIC);
            insert.setString(3, "order-1");
            insert.setString(4, "OrderConfirmed");
            insert.setBytes(
                    5,
                    AvroSerde.standard()
                            .encode(OrderConfirmed.newBuilder()
                                    .setOrderId("order-1")
                                    .setRestaurantId("r-1")
                                    .setOccurredAt(Instant.now())
                                    .build()));
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    private static void admin(PostgresServer postgres, String database, String sql) throws Exception {
        try (Connection c =
                DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.createStatement().execute(sql);
        }
    }
}
