package co.wpfoods.webhook.receiving.adapter.out.kafka;

import co.wpfoods.eventing.kafka.RecordEnvelope;
import co.wpfoods.schemas.EventTypes;
import co.wpfoods.webhook.receiving.application.OutgoingRecord;
import co.wpfoods.webhook.receiving.application.RecordPublisher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes with a producer whose own timeouts ({@code max.block.ms}, {@code delivery.timeout.ms}) are bounded by
 * the ack timeout, so a record we gave up on is also given up by the producer instead of landing later.
 *
 * <p>When a send fails, the producer is replaced and the failed one closed at once: records it still buffers are
 * dropped rather than delivered after we answered 503 (Meta's retry publishes them), and an idempotent producer
 * left in an error state (e.g. a broker that came back with no memory of it) does not poison later sends.
 */
public class KafkaRecordPublisher implements RecordPublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaRecordPublisher.class);

    private final Supplier<Producer<String, SpecificRecord>> factory;
    private final AtomicReference<Producer<String, SpecificRecord>> current;

    public KafkaRecordPublisher(Supplier<Producer<String, SpecificRecord>> factory) {
        this.factory = factory;
        this.current = new AtomicReference<>(factory.get());
    }

    @Override
    public CompletableFuture<?> publish(OutgoingRecord record) {
        var envelope = new RecordEnvelope(
                record.eventId(),
                EventTypes.of(record.value()),
                record.occurredAt(),
                record.correlationId(),
                record.traceparent());
        var producerRecord =
                new ProducerRecord<>(record.topic(), null, record.key(), record.value(), envelope.toHeaders());
        CompletableFuture<Object> acknowledged = new CompletableFuture<>();
        Producer<String, SpecificRecord> producer = current.get();
        try {
            producer.send(producerRecord, (metadata, error) -> {
                if (error != null) {
                    acknowledged.completeExceptionally(error);
                    replace(producer, error);
                } else {
                    acknowledged.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
            replace(producer, e);
        }
        return acknowledged;
    }

    @Override
    public void abandonUnacknowledged() {
        replace(current.get(), new IllegalStateException("records abandoned after the ack deadline"));
    }

    /** Swaps in a fresh producer if {@code failed} is still the current one; closes the failed one at once. */
    private void replace(Producer<String, SpecificRecord> failed, Throwable cause) {
        if (current.get() != failed) {
            return;
        }
        Producer<String, SpecificRecord> fresh;
        try {
            fresh = factory.get();
        } catch (RuntimeException e) {
            log.warn("Cannot create a new Kafka producer yet: {}", e.getMessage());
            return;
        }
        if (current.compareAndSet(failed, fresh)) {
            log.warn(
                    "Kafka send failed ({}): replacing the producer",
                    cause.getClass().getSimpleName());
            Thread.ofVirtual().name("webhook-producer-close").start(() -> failed.close(Duration.ZERO));
        } else {
            fresh.close(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        current.get().close(Duration.ofSeconds(5));
    }
}
