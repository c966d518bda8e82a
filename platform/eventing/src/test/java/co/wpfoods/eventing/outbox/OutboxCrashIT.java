package co.wpfoods.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crash safety of the outbox: the relay is killed part-way (twice) and PostgreSQL is restarted while rows keep being
 * committed and rolled back. Every committed row must reach Kafka at least once, no rolled-back row ever, and an
 * inbox consumer must apply each event exactly once.
 */
class OutboxCrashIT {

    static final String TOPIC = "crash.test.v1";

    static PostgresServer postgres;
    static String producerDb;
    static String consumerDb;

    final Set<String> committed = ConcurrentHashMap.newKeySet();
    final Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        KafkaServer.shared().declareTopics(TOPIC);
        Path data = Files.createTempDirectory("outbox-crash-pg");
        postgres = PostgresServer.start(data, 0);
        producerDb = postgres.createDatabase("crash_producer");
        consumerDb = postgres.createDatabase("crash_consumer");
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(producerDb), PostgresServer.USER, PostgresServer.PASSWORD)
                .locations("classpath:db/eventing")
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(consumerDb), PostgresServer.USER, PostgresServer.PASSWORD)
                .locations("classpath:db/eventing")
                .load()
                .migrate();
        try (Connection c = consumerConnection()) {
            c.createStatement().execute("CREATE TABLE applied (event_id text PRIMARY KEY, times int NOT NULL)");
        }
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void every_committed_row_is_published_and_applied_exactly_once_across_relay_kills_and_a_postgres_restart()
            throws Exception {
        try (var consumerLoop = new InboxConsumerLoop()) {
            consumerLoop.start();

            Process relay = startRelayProcess(1);
            write(0, 150);
            // kill -9 once it is publishing: what it sent since its last offset flush is sent again later
            await().atMost(Duration.ofMinutes(1)).until(() -> deliveries.size() >= 100);
            relay.destroyForcibly().waitFor();
            write(150, 250); // committed while no relay runs

            relay = startRelayProcess(2);
            write(250, 320);
            postgres.restart(); // under the running relay
            write(320, 400);
            relay.destroyForcibly().waitFor();

            relay = startRelayProcess(3);
            write(400, 500);
            try {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> deliveries.keySet().containsAll(committed));
            } finally {
                relay.destroy();
                relay.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }

            assertThat(committed).hasSizeGreaterThan(500);
            assertThat(deliveries.keySet()).doesNotContainAnyElementsOf(rolledBack);
            assertThat(deliveries.keySet()).isEqualTo(committed);
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount() == committed.size());
            assertThat(maxTimesApplied()).isEqualTo(1);
            System.out.printf(
                    "crash test: %d committed, %d rolled back, %d delivered more than once%n",
                    committed.size(),
                    rolledBack.size(),
                    deliveries.values().stream().filter(n -> n.get() > 1).count());
        }
    }

    /** A relay in its own JVM (production defaults), its output in target/crash-relay-N.log. */
    private Process startRelayProcess(int n) throws Exception {
        Path log = Path.of("target", "crash-relay-" + n + ".log");
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RelayMain.class.getName(),
                        postgres.jdbcUrl(producerDb),
                        PostgresServer.USER,
                        PostgresServer.PASSWORD,
                        KafkaServer.shared().bootstrapServers(),
                        "crash")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("relay process exited; see " + log.toAbsolutePath());
            }
            return Files.readString(log).contains(RelayMain.STARTED);
        });
        return process;
    }

    /** Transactions {@code from..to}: each commits 1–3 rows, every fifth rolls back. */
    private void write(int from, int to) throws SQLException {
        AvroSerde serde = AvroSerde.standard();
        try (Connection c = DriverManager.getConnection(
                postgres.jdbcUrl(producerDb), PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at) VALUES (?,?,?,?,?,?)")) {
                for (int tx = from; tx < to; tx++) {
                    int rows = 1 + tx % 3;
                    Set<String> ids = new java.util.HashSet<>();
                    for (int r = 0; r < rows; r++) {
                        UUID id = UUID.randomUUID();
                        ids.add(id.toString());
                        insert.setObject(1, id);
                        insert.setString(2, TOPIC);
                        insert.setString(3, "order-" + (tx % 7));
                        insert.setString(4, "OrderConfirmed");
                        insert.setBytes(5, serde.encode(confirmed("order-" + tx)));
                        insert.setTimestamp(6, Timestamp.from(Instant.now()));
                        insert.executeUpdate();
                    }
                    if (tx % 5 == 4) {
                        c.rollback();
                        rolledBack.addAll(ids);
                    } else {
                        c.commit();
                        committed.addAll(ids);
                    }
                }
            }
        }
    }

    private static Connection consumerConnection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(consumerDb), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private long appliedCount() {
        return JdbcClient.create(consumerDataSource())
                .sql("SELECT count(*) FROM applied")
                .query(Long.class)
                .single();
    }

    private int maxTimesApplied() {
        return JdbcClient.create(consumerDataSource())
                .sql("SELECT max(times) FROM applied")
                .query(Integer.class)
                .single();
    }

    private static DriverManagerDataSource consumerDataSource() {
        return new DriverManagerDataSource(postgres.jdbcUrl(consumerDb), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    static OrderConfirmed confirmed(String orderId) {
        return OrderConfirmed.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId("rest-1")
                .setOccurredAt(Instant.now())
                .build();
    }

    /** Consumes the topic and applies each record through the inbox; tolerates PostgreSQL being restarted. */
    private final class InboxConsumerLoop implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "crash-test-consumer");

        void start() {
            thread.start();
        }

        private void run() {
            try (var consumer = new KafkaConsumer<>(
                    Map.<String, Object>of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            KafkaServer.shared().bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "crash-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            "false"),
                    new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(java.util.List.of(TOPIC));
                var dataSource = consumerDataSource();
                var inbox = new Inbox(
                        JdbcClient.create(dataSource),
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
                var jdbc = JdbcClient.create(dataSource);
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        String eventId = Inbox.eventIdOf(record);
                        applyWithRetry(inbox, jdbc, eventId);
                        deliveries
                                .computeIfAbsent(eventId, k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    consumer.commitSync();
                }
            }
        }

        private void applyWithRetry(Inbox inbox, JdbcClient jdbc, String eventId) {
            while (running.get()) {
                try {
                    inbox.processOnce(
                            "crash-test",
                            eventId,
                            () -> jdbc.sql("INSERT INTO applied (event_id, times) VALUES (:id, 1) "
                                            + "ON CONFLICT (event_id) DO UPDATE SET times = applied.times + 1")
                                    .param("id", eventId)
                                    .update());
                    return;
                } catch (RuntimeException e) {
                    // PostgreSQL is restarting: the transaction rolled back as a whole, try again
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
