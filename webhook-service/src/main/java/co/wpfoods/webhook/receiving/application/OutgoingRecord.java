package co.wpfoods.webhook.receiving.application;

import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One record to publish, with the values of the headers every WPFoods record carries. */
public record OutgoingRecord(
        String topic,
        String key,
        SpecificRecord value,
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String traceparent) {}
