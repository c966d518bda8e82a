package co.wpfoods.eventing.outbox;

import co.wpfoods.eventing.kafka.RecordEnvelope;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Streams committed outbox inserts from PostgreSQL's logical replication (Debezium embedded engine, pgoutput) to
 * Kafka. Offsets live in the service's own database. A batch is acknowledged to Debezium only after Kafka has
 * acknowledged every record of it, so a crash at any point republishes (at least once) and never loses; rolled-back
 * rows never reach the WAL stream. Published rows are then deleted from the table.
 */
public class OutboxRelay implements SmartLifecycle {

    /** How long a stop waits for an engine still starting before it gives up closing it. */
    static final Duration CLOSE_WITHIN = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final String HEARTBEAT_EVENT_TYPE = "wpfoods.outbox.heartbeat";

    private final OutboxRelayProperties properties;
    private final String identifier;
    private final PostgresCoordinates database;
    private final Producer<String, byte[]> producer;
    private final JdbcClient jdbc;
    private final Counter published;
    private final Counter sendFailures;
    private final Timer commitToAck;

    private final AtomicReference<Running> running = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Whether the application wants the relay running: an engine that stopped on an error is restarted. */
    private volatile boolean wanted;

    private final java.util.concurrent.ScheduledExecutorService restarts =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbox-relay-restart");
                t.setDaemon(true);
                return t;
            });
    private Duration restartBackoff = Duration.ofSeconds(2);
    private final java.util.concurrent.atomic.AtomicInteger consecutiveSendFailures =
            new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicReference<Exception> lastSendFailure = new AtomicReference<>();
    private final Counter malformedRows;

    private record Running(DebeziumEngine<?> engine, ExecutorService executor) {}

    public OutboxRelay(
            OutboxRelayProperties properties,
            String identifier,
            PostgresCoordinates database,
            Producer<String, byte[]> producer,
            JdbcClient jdbc,
            MeterRegistry meters) {
        this.properties = properties;
        this.identifier = identifier;
        this.database = database;
        this.producer = producer;
        this.jdbc = jdbc;
        this.published = Counter.builder("wpfoods.outbox.published")
                .description("Outbox records acknowledged by Kafka")
                .register(meters);
        this.sendFailures = Counter.builder("wpfoods.outbox.send.failures")
                .description("Outbox batches Kafka did not acknowledge (retried)")
                .register(meters);
        this.malformedRows = Counter.builder("wpfoods.outbox.malformed")
                .description("Outbox change events the relay could not read (skipped, logged)")
                .register(meters);
        this.commitToAck = Timer.builder("wpfoods.outbox.latency")
                .description("From the outbox row's occurred-at to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Override
    public synchronized void start() {
        wanted = true;
        if (running.get() != null) {
            return;
        }
        failure.set(null);
        try {
            ensurePublication();
        } catch (RuntimeException e) {
            // the database is not reachable (yet): report it and try again, never fail the application
            failure.set(e);
            log.error("Outbox relay {} cannot prepare its publication", identifier, e);
            scheduleRestart();
            return;
        }
        DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(
                        ChangeEventFormat.of(Connect.class))
                .using(engineProperties())
                .notifying(this::handleBatch)
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                        Running current = running.getAndSet(null);
                        if (current != null) {
                            current.executor().shutdown();
                        }
                        scheduleRestart();
                        log.error("Outbox relay {} stopped: {}", identifier, message, error);
                    } else {
                        log.info("Outbox relay {} stopped: {}", identifier, message);
                    }
                })
                .build();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay-" + identifier);
            t.setDaemon(true);
            return t;
        });
        running.set(new Running(engine, executor));
        executor.execute(engine);
        log.info("Outbox relay {} started on database {}", identifier, database.database());
    }

    /** Stops the engine gracefully: the batch in hand finishes and its offsets are stored. */
    @Override
    public synchronized void stop() {
        wanted = false;
        Running current = running.getAndSet(null);
        if (current == null) {
            return;
        }
        closeWhenStarted(current);
        current.executor().shutdown();
        try {
            if (!current.executor().awaitTermination(30, TimeUnit.SECONDS)) {
                current.executor().shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the engine. Debezium refuses to close an engine whose tasks are still starting ("Wait for the tasks to be
     * fully started"), and an engine left unclosed keeps running with its replication slot and its name: a stop that
     * comes right after a start (a pod stopped during start-up, a test context paused at once) would leak it. So a
     * refused close is retried, with backoff, for at most {@link #CLOSE_WITHIN}.
     */
    private void closeWhenStarted(Running current) {
        var retry = new RetryTemplate(RetryPolicy.builder()
                .includes(IllegalStateException.class)
                .maxRetries(Long.MAX_VALUE)
                .timeout(CLOSE_WITHIN)
                .delay(Duration.ofMillis(50))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(1))
                .build());
        try {
            retry.execute(() -> {
                current.engine().close();
                return null;
            });
        } catch (RetryException e) {
            log.warn("Outbox relay {} did not close cleanly", identifier, e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Stops the engine the hard way, as a crash would: the relay thread is interrupted wherever it is, nothing more is
     * flushed. Meant for fault-injection tests.
     */
    public synchronized void kill() {
        wanted = false;
        Running current = running.getAndSet(null);
        if (current == null) {
            return;
        }
        current.executor().shutdownNow();
        try {
            current.engine().close();
        } catch (IOException | RuntimeException e) {
            log.debug("Outbox relay {} killed", identifier, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }

    @Override
    public int getPhase() {
        // start after the datasource and Flyway, stop before the Kafka producer closes
        return Integer.MAX_VALUE - 100;
    }

    private void handleBatch(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<String, byte[]>> toSend = new ArrayList<>(batch.size());
        List<UUID> ids = new ArrayList<>(batch.size());
        List<Instant> occurred = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            OutboxRow row;
            try {
                row = OutboxRow.from(event.record());
            } catch (RuntimeException e) {
                // a row the relay cannot read must not stop every other event behind it
                malformedRows.increment();
                log.error("Outbox relay {}: skipping an unreadable outbox change {}", identifier, event.record(), e);
                continue;
            }
            if (row == null) {
                continue;
            }
            ids.add(row.id());
            if (!row.isHeartbeat()) {
                toSend.add(row.toProducerRecord());
                occurred.add(row.occurredAt());
            }
        }
        sendUntilAcknowledged(toSend);
        Instant now = Instant.now();
        occurred.forEach(at -> commitToAck.record(Duration.between(at, now)));
        published.increment(toSend.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        restartBackoff = Duration.ofSeconds(2);
        deletePublished(ids);
    }

    private void sendUntilAcknowledged(List<ProducerRecord<String, byte[]>> records) throws InterruptedException {
        if (records.isEmpty()) {
            return;
        }
        Duration backoff = properties.retryBackoff();
        while (!Thread.currentThread().isInterrupted()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            try {
                for (ProducerRecord<String, byte[]> record : records) {
                    acks.add(producer.send(record));
                }
                long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                consecutiveSendFailures.set(0);
                lastSendFailure.set(null);
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                sendFailures.increment();
                consecutiveSendFailures.incrementAndGet();
                lastSendFailure.set(e);
                log.warn(
                        "Outbox relay {}: Kafka did not acknowledge {} records, retrying in {}",
                        identifier,
                        records.size(),
                        backoff,
                        e);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        // never fall through to marking the batch processed
        throw new InterruptedException("Outbox relay stopped before Kafka acknowledged the batch");
    }

    private void deletePublished(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("DELETE FROM outbox WHERE id = ANY(:ids)")
                    .param("ids", ids.toArray(UUID[]::new))
                    .update();
        } catch (RuntimeException e) {
            // the rows are published; the sweep removes them later
            log.warn("Outbox relay {}: could not delete {} published rows", identifier, ids.size(), e);
        }
    }

    /**
     * Replication slots are server-wide: the database's name is part of the slot's, so that services (or tests)
     * sharing a PostgreSQL server never take each other's slot. At most 63 characters, as PostgreSQL allows.
     */
    String slotName() {
        return postgresName("wpfoods_outbox_" + identifier + "_" + database.database());
    }

    /** A lower-case identifier of at most 63 characters (PostgreSQL would silently truncate a longer one). */
    private static String postgresName(String raw) {
        String name = raw.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() <= 63 ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
    }

    String publicationName() {
        return postgresName("wpfoods_outbox_" + identifier);
    }

    /**
     * Why the relay is not doing its job: the error the engine stopped on, or the last error of Kafka refusing
     * {@code failuresBeforeDown} batches in a row (the relay keeps retrying them). Null while all is well.
     */
    public Throwable failure() {
        Throwable stopped = failure.get();
        if (stopped != null) {
            return stopped;
        }
        return consecutiveSendFailures.get() >= properties.failuresBeforeDown() ? lastSendFailure.get() : null;
    }

    /**
     * Restarts an engine that stopped on an error (a lost database, a replication slot another replica holds — that
     * replica then stays on standby until the slot is free), with a growing pause, for as long as the relay is wanted.
     */
    private void scheduleRestart() {
        if (!wanted || restarts.isShutdown()) {
            return;
        }
        Duration pause = restartBackoff;
        restartBackoff = pause.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0
                ? Duration.ofMinutes(1)
                : pause.multipliedBy(2);
        log.warn("Outbox relay {} restarts in {}", identifier, pause);
        restarts.schedule(
                () -> {
                    synchronized (this) {
                        if (wanted && running.get() == null) {
                            start();
                        }
                    }
                },
                pause.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the relay and closes its Kafka producer (end of the application). */
    public void close() {
        stop();
        restarts.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }

    /**
     * The publication the slot reads: the outbox table, inserts only. Deletes of published rows and sweeps then never
     * reach the replication stream, which would otherwise decode and drop them.
     */
    private void ensurePublication() {
        String publication = publicationName();
        boolean exists = jdbc.sql("SELECT count(*) FROM pg_publication WHERE pubname = :name")
                        .param("name", publication)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            jdbc.sql("ALTER PUBLICATION " + publication + " SET TABLE public.outbox")
                    .update();
            jdbc.sql("ALTER PUBLICATION " + publication + " SET (publish = 'insert')")
                    .update();
        } else {
            jdbc.sql("CREATE PUBLICATION " + publication + " FOR TABLE public.outbox WITH (publish = 'insert')")
                    .update();
        }
    }

    /** {@link #sweep()} while the relay runs without failing; 0 otherwise. */
    public int sweepIfHealthy() {
        return isRunning() && failure() == null ? sweep() : 0;
    }

    /** Deletes rows older than {@code sweepAfter}: published ones whose delete was lost to a crash. */
    public int sweep() {
        return jdbc.sql("DELETE FROM outbox WHERE created_at < :before")
                .param("before", java.sql.Timestamp.from(Instant.now().minus(properties.sweepAfter())))
                .update();
    }

    Properties engineProperties() {
        Properties p = new Properties();
        p.setProperty("name", "wpfoods-outbox-" + identifier);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("topic.prefix", "wpfoods_outbox_" + identifier);
        p.setProperty("database.hostname", database.host());
        p.setProperty("database.port", String.valueOf(database.port()));
        p.setProperty("database.user", database.user());
        p.setProperty("database.password", database.password());
        p.setProperty("database.dbname", database.database());
        if (database.parameters().containsKey("sslmode")) {
            p.setProperty("database.sslmode", database.parameters().get("sslmode"));
        }
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", slotName());
        p.setProperty("slot.drop.on.stop", String.valueOf(properties.dropSlotOnStop()));
        // on a PostgreSQL 17+ primary the slot is created as a failover slot, which standbys can keep in sync, so
        // the relay resumes where it was after a failover; older servers and standbys get a plain slot
        p.setProperty("slot.failover", "true");
        p.setProperty("publication.name", publicationName());
        // created by ensurePublication(): inserts only, so deleting published rows adds nothing to the stream
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox");
        // rows that exist before the slot does (first start) are published by the initial snapshot
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("skipped.operations", "u,d,t");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty(
                "poll.interval.ms", String.valueOf(properties.pollInterval().toMillis()));
        p.setProperty("max.batch.size", String.valueOf(properties.maxBatchSize()));
        p.setProperty("max.queue.size", String.valueOf(Math.max(8192, properties.maxBatchSize() * 4)));
        p.setProperty(
                "heartbeat.interval.ms",
                String.valueOf(properties.heartbeatInterval().toMillis()));
        // an insert the publication carries (updates it does not), so the slot advances; the relay skips and deletes it
        p.setProperty(
                "heartbeat.action.query",
                "INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at) VALUES (gen_random_uuid(), '', '', '"
                        + HEARTBEAT_EVENT_TYPE + "', ''::bytea, now())");
        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", database.jdbcUrl());
        p.setProperty("offset.storage.jdbc.connection.user", database.user());
        p.setProperty("offset.storage.jdbc.connection.password", database.password());
        p.setProperty("offset.storage.jdbc.table.name", "outbox_relay_offsets");
        p.setProperty(
                "offset.flush.interval.ms",
                String.valueOf(properties.offsetFlushInterval().toMillis()));
        p.setProperty("errors.max.retries", "-1");
        p.setProperty("errors.retry.delay.initial.ms", "300");
        p.setProperty("errors.retry.delay.max.ms", "10000");
        return p;
    }

    /** One outbox insert, read from the change event's {@code after} image. */
    record OutboxRow(
            UUID id,
            String topic,
            String key,
            String eventType,
            byte[] payload,
            Instant occurredAt,
            String correlationId,
            String traceparent) {

        /** The row of an outbox insert or snapshot read; null for anything else (heartbeats, other tables). */
        static OutboxRow from(SourceRecord record) {
            if (!(record.value() instanceof Struct envelope)
                    || envelope.schema().field("after") == null
                    || envelope.schema().field("source") == null) {
                return null;
            }
            Struct source = envelope.getStruct("source");
            if (!"outbox".equals(source.getString("table"))) {
                return null;
            }
            Struct after = envelope.getStruct("after");
            if (after == null) {
                return null;
            }
            return new OutboxRow(
                    UUID.fromString(after.getString("id")),
                    after.getString("topic"),
                    after.getString("record_key"),
                    after.getString("event_type"),
                    bytes(after.get("payload")),
                    Instant.parse(after.getString("occurred_at")),
                    after.getString("correlation_id"),
                    after.getString("traceparent"));
        }

        private static byte[] bytes(Object value) {
            if (value instanceof byte[] b) {
                return b;
            }
            if (value instanceof ByteBuffer buffer) {
                byte[] b = new byte[buffer.remaining()];
                buffer.duplicate().get(b);
                return b;
            }
            throw new IllegalStateException("outbox.payload is not bytes: " + value);
        }

        boolean isHeartbeat() {
            return HEARTBEAT_EVENT_TYPE.equals(eventType);
        }

        ProducerRecord<String, byte[]> toProducerRecord() {
            var envelope = new RecordEnvelope(id, eventType, occurredAt, correlationId, traceparent);
            return new ProducerRecord<>(topic, null, key, payload, envelope.toHeaders());
        }
    }
}
