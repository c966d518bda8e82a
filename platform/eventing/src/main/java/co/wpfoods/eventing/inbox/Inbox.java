package co.wpfoods.eventing.inbox;

import co.wpfoods.schemas.Headers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent consumption: records the event id a consumer processed in the same database transaction as the effect,
 * so a redelivered record (Kafka redelivery, Debezium replay, Meta retry) changes nothing the second time.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public Inbox(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already processed {@code eventId}.
     *
     * @return true if the effect ran (and committed), false for a duplicate
     */
    public boolean processOnce(String consumer, String eventId, Runnable effect) {
        return computeOnce(consumer, eventId, () -> {
                    effect.run();
                    return Boolean.TRUE;
                })
                != null;
    }

    /**
     * Like {@link #processOnce(String, String, Runnable)} for an effect with a result; returns it, or null for a
     * duplicate (so the effect must not return null itself).
     */
    public <T> T computeOnce(String consumer, String eventId, Supplier<T> effect) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("An event id is required for idempotent processing");
        }
        return transaction.execute(status -> {
            int inserted = jdbc.sql(
                            "INSERT INTO inbox (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                    .param("consumer", consumer)
                    .param("eventId", eventId)
                    .update();
            return inserted == 0 ? null : effect.get();
        });
    }

    public boolean alreadyProcessed(String consumer, String eventId) {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE consumer = :consumer AND event_id = :eventId")
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Forgets ids processed longer ago than {@code retention}; returns how many. */
    public int forgetOlderThan(Duration retention) {
        return jdbc.sql("DELETE FROM inbox WHERE processed_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(retention)))
                .update();
    }

    /**
     * The idempotency key of a Kafka record: its {@code event-id} header, else its coordinates (topic, partition,
     * offset), which are stable across redeliveries.
     */
    public static String eventIdOf(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(Headers.EVENT_ID);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
