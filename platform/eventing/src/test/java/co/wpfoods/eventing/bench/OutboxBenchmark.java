package co.wpfoods.eventing.bench;

import co.wpfoods.eventing.outbox.OutboxRelay;
import co.wpfoods.eventing.outbox.OutboxRelayProperties;
import co.wpfoods.eventing.outbox.PostgresCoordinates;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.bench.BenchmarkLog;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Bench {@code outbox}: the relay at a steady rate (one row per transaction, latency from commit to a Kafka consumer),
 * then its maximum throughput draining a backlog, each against a plain {@link KafkaTemplate} producer sending the
 * same records in the same run. Arguments: steady rate (rows/s, default 1000), steady seconds (default 60), backlog
 * rows (default 50000); {@code -Dwpfoods.bench.batch=N} tries another relay batch size (default 2048);
 * {@code -Dwpfoods.bench.warm=true} drains one unmeasured backlog through each side before the measured ones. Each
 * maximum-throughput phase prints where the machine's CPU went ({@link CpuAccount}).
 */
public final class OutboxBenchmark {

    private final AvroSerde serde = AvroSerde.standard();
    private final PostgresServer postgres = PostgresServer.shared();
    private final String bootstrap = KafkaServer.shared().bootstrapServers();
    private final String database;

    private OutboxBenchmark() {
        database = postgres.createDatabase("outbox_bench");
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)
                .locations("classpath:db/eventing")
                .load()
                .migrate();
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int backlog = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        String batch = System.getProperty("wpfoods.bench.batch");
        var log = new BenchmarkLog(
                "outbox",
                "bin/bench outbox " + rate + " " + seconds + " " + backlog
                        + (batch == null ? "" : " (max-batch-size " + batch + ")")
                        + (Boolean.getBoolean("wpfoods.bench.warm") ? " (warm)" : ""));
        var bench = new OutboxBenchmark();
        KafkaServer.shared()
                .declareTopics(
                        "outbox.bench.warmup.v1",
                        "outbox.bench.steady.v1",
                        "outbox.bench.steady-plain.v1",
                        "outbox.bench.backlog-warmup.v1",
                        "outbox.bench.backlog-plain-warmup.v1",
                        "outbox.bench.backlog.v1",
                        "outbox.bench.backlog-plain.v1");
        try (KafkaProducer<String, byte[]> relayProducer = producer("outbox-relay")) {
            OutboxRelay relay = bench.relay(relayProducer);
            relay.start();
            bench.warmUp("outbox.bench.warmup.v1", relay);

            Result steady = bench.steadyThroughRelay("outbox.bench.steady.v1", rate, seconds);
            Result steadyPlain = bench.steadyThroughTemplate("outbox.bench.steady-plain.v1", rate, seconds);

            relay.stop();
            if (Boolean.getBoolean("wpfoods.bench.warm")) {
                // both maximum-throughput paths run once unmeasured first, so less JIT compilation is timed
                bench.insertBacklog("outbox.bench.backlog-warmup.v1", backlog);
                bench.drainThroughRelay("outbox.bench.backlog-warmup.v1", backlog, relayProducer);
                bench.burstThroughTemplate("outbox.bench.backlog-plain-warmup.v1", backlog);
            }
            bench.insertBacklog("outbox.bench.backlog.v1", backlog);
            Result drained = bench.drainThroughRelay("outbox.bench.backlog.v1", backlog, relayProducer);
            Result plain = bench.burstThroughTemplate("outbox.bench.backlog-plain.v1", backlog);

            log.record("target_rate_rows_s", rate, "rows/s");
            log.record("throughput_rows_s", steady.throughput(), "rows/s");
            log.record("p50_ms", steady.p50Ms(), "ms");
            log.record("p99_ms", steady.p99Ms(), "ms");
            log.record("max_ms", steady.maxMs(), "ms");
            log.record("plain_producer_p50_ms", steadyPlain.p50Ms(), "ms");
            log.record("plain_producer_p99_ms", steadyPlain.p99Ms(), "ms");
            log.record("max_relay_throughput_rows_s", drained.throughput(), "rows/s");
            log.record("plain_producer_throughput_rows_s", plain.throughput(), "rows/s");
            log.record("ratio_to_plain_producer", drained.throughput() / plain.throughput(), "ratio");
        }
        System.exit(0);
    }

    record Result(long count, double seconds, long[] latenciesMicros) {
        double throughput() {
            return count / seconds;
        }

        double p50Ms() {
            return BenchmarkLog.percentile(latenciesMicros, 50) / 1000.0;
        }

        double p99Ms() {
            return BenchmarkLog.percentile(latenciesMicros, 99) / 1000.0;
        }

        double maxMs() {
            return latenciesMicros.length == 0 ? Double.NaN : latenciesMicros[latenciesMicros.length - 1] / 1000.0;
        }
    }

    private void warmUp(String topic, OutboxRelay relay) throws Exception {
        try (var consumer = new LatencyConsumer(topic)) {
            consumer.start();
            paced(200, 2, this::insertOne, topic);
            consumer.awaitCount(400, Duration.ofMinutes(2));
        }
    }

    private Result steadyThroughRelay(String topic, int rate, int seconds) throws Exception {
        try (var consumer = new LatencyConsumer(topic)) {
            consumer.start();
            long started = System.nanoTime();
            CpuAccount cpu = CpuAccount.start();
            long sent = paced(rate, seconds, this::insertOne, topic);
            consumer.awaitCount(sent, Duration.ofMinutes(2));
            cpu.print("relay at a steady " + rate + " rows/s");
            return consumer.result(started);
        }
    }

    private Result steadyThroughTemplate(String topic, int rate, int seconds) throws Exception {
        try (var consumer = new LatencyConsumer(topic);
                var template = new TemplateSender()) {
            consumer.start();
            long started = System.nanoTime();
            long sent = paced(rate, seconds, template::sendOne, topic);
            consumer.awaitCount(sent, Duration.ofMinutes(2));
            return consumer.result(started);
        }
    }

    private Result drainThroughRelay(String topic, int rows, KafkaProducer<String, byte[]> producer) throws Exception {
        try (var consumer = new LatencyConsumer(topic)) {
            consumer.start();
            long started = System.nanoTime();
            OutboxRelay relay = relay(producer);
            relay.start();
            consumer.awaitCount(1, Duration.ofMinutes(1));
            CpuAccount cpu = CpuAccount.start();
            consumer.awaitCount(rows, Duration.ofMinutes(5));
            cpu.print("relay draining " + rows + " rows");
            Result result = consumer.drained();
            relay.stop();
            return result;
        }
    }

    private Result burstThroughTemplate(String topic, int rows) throws Exception {
        try (var consumer = new LatencyConsumer(topic);
                var template = new TemplateSender()) {
            consumer.start();
            long started = System.nanoTime();
            CpuAccount cpu = CpuAccount.start();
            for (int i = 0; i < rows; i++) {
                template.sendAsync(topic);
            }
            template.flush();
            consumer.awaitCount(rows, Duration.ofMinutes(5));
            cpu.print("plain producer sending " + rows + " rows");
            return consumer.drained();
        }
    }

    interface Sender {
        void send(Connection connection, String topic) throws Exception;
    }

    /** Sends at {@code rate} per second for {@code seconds}; returns how many were sent. */
    private long paced(int rate, int seconds, Sender sender, String topic) throws Exception {
        long total = (long) rate * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sender.send(c, topic);
            }
        }
        return total;
    }

    private void insertOne(Connection c, String topic) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at) VALUES (?,?,?,?,?,?)")) {
            UUID id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, "order-" + (id.getLeastSignificantBits() & 63));
            insert.setString(4, "OrderConfirmed");
            insert.setBytes(5, serde.encode(sample(id)));
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            c.commit();
        }
    }

    private void insertBacklog(String topic, int rows) throws SQLException {
        try (Connection c = connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at) VALUES (?,?,?,?,?,?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, topic);
                insert.setString(3, "order-" + (i & 63));
                insert.setString(4, "OrderConfirmed");
                insert.setBytes(5, serde.encode(sample(id)));
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private OrderConfirmed sample(UUID id) {
        return OrderConfirmed.newBuilder()
                .setOrderId(id.toString())
                .setRestaurantId("rest-112")
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private OutboxRelay relay(KafkaProducer<String, byte[]> producer) {
        var properties = new OutboxRelayProperties(
                true,
                "bench",
                Duration.ofMillis(10),
                Integer.getInteger("wpfoods.bench.batch", 2048),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                Duration.ofHours(1),
                900_000,
                5,
                false);
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(database));
        dataSource.setUsername(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        return new OutboxRelay(
                properties,
                "bench",
                PostgresCoordinates.fromJdbcUrl(
                        postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD),
                producer,
                JdbcClient.create(dataSource),
                new SimpleMeterRegistry());
    }

    private static KafkaProducer<String, byte[]> producer(String clientId) {
        return new KafkaProducer<>(producerConfig(clientId), new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> producerConfig(String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaServer.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                1,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId);
    }

    /** The baseline: the same records through a plain KafkaTemplate, no database. */
    private final class TemplateSender implements AutoCloseable {
        private final DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
                producerConfig("plain-template"), new StringSerializer(), new ByteArraySerializer());
        private final KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);

        void sendOne(Connection unused, String topic) throws Exception {
            send(topic).get();
        }

        void sendAsync(String topic) {
            send(topic);
        }

        private java.util.concurrent.CompletableFuture<?> send(String topic) {
            UUID id = UUID.randomUUID();
            var record = new ProducerRecord<>(
                    topic, "order-" + (id.getLeastSignificantBits() & 63), serde.encode(sample(id)));
            record.headers().add(Headers.OCCURRED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            return template.send(record);
        }

        void flush() {
            template.flush();
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }

    /** Counts records and their latency from the occurred-at header to receipt. */
    private final class LatencyConsumer implements AutoCloseable {
        private final String topic;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong lastReceivedNanos = new AtomicLong();
        private final AtomicLong firstReceivedNanos = new AtomicLong();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private final java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);

        LatencyConsumer(String topic) {
            this.topic = topic;
            this.thread = new Thread(this::run, "bench-consumer-" + topic);
        }

        void start() throws InterruptedException {
            thread.start();
            assigned.await(60, TimeUnit.SECONDS);
        }

        private void run() {
            try (var consumer = new KafkaConsumer<>(
                    Map.<String, Object>of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "bench-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                            5),
                    new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(20));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    Instant now = Instant.now();
                    for (var record : records) {
                        var header = record.headers().lastHeader(Headers.OCCURRED_AT);
                        Instant occurred = Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
                        latencies.add(ChronoUnit.MICROS.between(occurred, now));
                        count.incrementAndGet();
                        long received = System.nanoTime();
                        firstReceivedNanos.compareAndSet(0, received);
                        lastReceivedNanos.set(received);
                    }
                }
            }
        }

        void awaitCount(long expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.get() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Only " + count.get() + " of " + expected + " records arrived on " + topic);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }

        /** Throughput over the span of arrivals, first to last (excludes start-up of the sender). */
        Result drained() {
            return result(firstReceivedNanos.get());
        }

        Result result(long startedNanos) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            double seconds = (lastReceivedNanos.get() - startedNanos) / 1e9;
            return new Result(count.get(), seconds, sorted);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
