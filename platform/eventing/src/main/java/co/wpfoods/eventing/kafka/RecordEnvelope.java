package co.wpfoods.eventing.kafka;

import co.wpfoods.schemas.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every WPFoods record carries ({@link Headers}), written and read in one place: the webhook's publisher
 * and the outbox relay write them, consumers read them. Values are UTF-8; an absent or blank optional value is left
 * out rather than written empty.
 *
 * @param eventId the idempotency key of the record
 * @param eventType the Avro record's simple name
 * @param occurredAt when it happened
 * @param correlationId the order or conversation it belongs to, or null
 * @param traceparent the W3C trace context it was produced in, or null
 */
public record RecordEnvelope(
        UUID eventId, String eventType, Instant occurredAt, String correlationId, String traceparent) {

    public RecordEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The headers of a record, in the order the contract lists them. */
    public RecordHeaders toHeaders() {
        var headers = new RecordHeaders();
        add(headers, Headers.EVENT_ID, eventId.toString());
        add(headers, Headers.EVENT_TYPE, eventType);
        add(headers, Headers.OCCURRED_AT, occurredAt.toString());
        add(headers, Headers.CORRELATION_ID, correlationId);
        add(headers, Headers.TRACEPARENT, traceparent);
        return headers;
    }

    /** The last value of a header as text, or null when the record does not carry it. */
    public static String text(org.apache.kafka.common.header.Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
