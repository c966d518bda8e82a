package co.wpfoods.eventing.outbox;

import co.wpfoods.logging.tracing.Traces;
import co.wpfoods.schemas.serde.AvroSerde;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox table. Must be called inside the transaction that changes the service's state — a
 * transaction bound to this service's DataSource — so that both commit or neither does: it refuses to run otherwise.
 * It also refuses an event Kafka could never take (a malformed topic name, a value over the size limit), so such an
 * event fails the state change at once instead of blocking the relay later. Each row carries the trace it was written
 * in ({@code traceparent}: the event's own, else the span in scope), which the relay puts on the Kafka record.
 */
public class OutboxWriter {

    /** Kafka's rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AvroSerde serde;
    private final int maxPayloadBytes;
    private final Traces traces;

    public OutboxWriter(JdbcClient jdbc, DataSource dataSource, AvroSerde serde, int maxPayloadBytes) {
        this(jdbc, dataSource, serde, maxPayloadBytes, Traces.none());
    }

    /** With {@code traces}, an event without a {@code traceparent} of its own gets the one of the span in scope. */
    public OutboxWriter(JdbcClient jdbc, DataSource dataSource, AvroSerde serde, int maxPayloadBytes, Traces traces) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.serde = serde;
        this.maxPayloadBytes = maxPayloadBytes;
        this.traces = traces;
    }

    public void append(OutboxEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException(
                    "OutboxWriter.append must run inside the transaction that changes the service's state");
        }
        if (!TOPIC.matcher(event.topic()).matches()
                || event.topic().equals(".")
                || event.topic().equals("..")) {
            throw new IllegalArgumentException("Not a Kafka topic name: '" + event.topic() + "'");
        }
        byte[] payload = serde.encode(event.payload());
        if (payload.length > maxPayloadBytes) {
            throw new IllegalArgumentException("Event " + event.eventType() + " is " + payload.length
                    + " bytes, over the " + maxPayloadBytes + "-byte limit of a Kafka record");
        }
        jdbc.sql("""
                        INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at, correlation_id, traceparent)
                        VALUES (:id, :topic, :key, :type, :payload, :occurredAt, :correlationId, :traceparent)
                        """)
                .param("id", event.eventId())
                .param("topic", event.topic())
                .param("key", event.key())
                .param("type", event.eventType())
                .param("payload", payload)
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("correlationId", event.correlationId())
                .param("traceparent", event.traceparent() != null ? event.traceparent() : traces.currentTraceparent())
                .update();
    }

    public void appendAll(Collection<OutboxEvent> events) {
        events.forEach(this::append);
    }
}
