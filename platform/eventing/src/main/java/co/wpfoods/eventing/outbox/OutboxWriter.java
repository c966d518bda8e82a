package co.wpfoods.eventing.outbox;

import co.wpfoods.schemas.serde.AvroSerde;
import java.sql.Timestamp;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox table. Must be called inside the transaction that changes the service's state, so
 * that both commit or neither does: it refuses to run without one.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final AvroSerde serde;

    public OutboxWriter(JdbcClient jdbc, AvroSerde serde) {
        this.jdbc = jdbc;
        this.serde = serde;
    }

    public void append(OutboxEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "OutboxWriter.append must run inside the transaction that changes the service's state");
        }
        jdbc.sql("""
                        INSERT INTO outbox (id, topic, record_key, event_type, payload, occurred_at, correlation_id, traceparent)
                        VALUES (:id, :topic, :key, :type, :payload, :occurredAt, :correlationId, :traceparent)
                        """)
                .param("id", event.eventId())
                .param("topic", event.topic())
                .param("key", event.key())
                .param("type", event.eventType())
                .param("payload", serde.encode(event.payload()))
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("correlationId", event.correlationId())
                .param("traceparent", event.traceparent())
                .update();
    }

    public void appendAll(Collection<OutboxEvent> events) {
        events.forEach(this::append);
    }
}
