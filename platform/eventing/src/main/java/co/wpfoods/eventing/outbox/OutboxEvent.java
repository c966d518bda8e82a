package co.wpfoods.eventing.outbox;

import co.wpfoods.schemas.EventTypes;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event to publish: its topic, key (per-entity order), Avro value and the header values. Build one with
 * {@link #of(String, String, SpecificRecord, String)}.
 */
public record OutboxEvent(
        UUID eventId,
        String topic,
        String key,
        SpecificRecord payload,
        String eventType,
        Instant occurredAt,
        String correlationId,
        String traceparent) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // PostgreSQL keeps microseconds (rounding the rest): truncate so the header equals this value
        occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public static OutboxEvent of(String topic, String key, SpecificRecord payload, String correlationId) {
        return new OutboxEvent(
                UUID.randomUUID(), topic, key, payload, EventTypes.of(payload), Instant.now(), correlationId, null);
    }

    public OutboxEvent withEventId(UUID id) {
        return new OutboxEvent(id, topic, key, payload, eventType, occurredAt, correlationId, traceparent);
    }

    public OutboxEvent withTraceparent(String value) {
        return new OutboxEvent(eventId, topic, key, payload, eventType, occurredAt, correlationId, value);
    }
}
