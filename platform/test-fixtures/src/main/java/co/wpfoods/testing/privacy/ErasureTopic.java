package co.wpfoods.testing.privacy;

import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.serde.AvroSerializer;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code privacy.erasure.v1} as the coordinator and the other services use it, for a service's erasure test: ask for
 * an erasure ({@code ErasureRequested}), confirm as another service would, and wait for a service's
 * {@code ErasureConfirmed}.
 */
public final class ErasureTopic implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaTestConsumer consumer;

    public ErasureTopic() {
        String bootstrap = KafkaServer.shared().bootstrapServers();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new AvroSerializer());
        consumer = new KafkaTestConsumer(bootstrap, Topics.Privacy.ERASURE);
    }

    /** Publishes {@code ErasureRequested} as order-service does; returns the erasure id. */
    public String request(String waId, List<String> orderIds, List<String> orderReferences) {
        String erasureId = "e-" + UUID.randomUUID();
        publish(
                erasureId,
                ErasureRequested.newBuilder()
                        .setErasureId(erasureId)
                        .setWaId(waId)
                        .setRequestedBy("OPS")
                        .setLanguage("es")
                        .setOrderIds(orderIds)
                        .setOrderReferences(orderReferences)
                        .setRequestedAt(Instant.now())
                        .build());
        return erasureId;
    }

    /** Publishes {@code ErasureConfirmed} as {@code service} would. */
    public void confirmAs(String erasureId, String service) {
        publish(
                erasureId,
                ErasureConfirmed.newBuilder()
                        .setErasureId(erasureId)
                        .setService(service)
                        .setRowsDeleted(1)
                        .setRowsAnonymized(0)
                        .setDetail("test stand-in for " + service)
                        .setConfirmedAt(Instant.now())
                        .build());
    }

    /** The {@code ErasureConfirmed} of {@code service} for this erasure, once it is on the topic. */
    public ErasureConfirmed awaitConfirmation(String erasureId, String service, Duration patience) {
        return await().atMost(patience)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> find(erasureId, service), Objects::nonNull);
    }

    /** The {@code ErasureRequested} for this number, once it is on the topic. */
    public ErasureRequested awaitRequest(String waId, Duration patience) {
        return await().atMost(patience)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> consumer.poll().stream()
                                .map(r -> AvroSerde.standard().decode(r.value()))
                                .filter(v -> v instanceof ErasureRequested)
                                .map(v -> (ErasureRequested) v)
                                .filter(r -> r.getWaId().equals(waId))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    private ErasureConfirmed find(String erasureId, String service) {
        return consumer.poll().stream()
                .map(r -> AvroSerde.standard().decode(r.value()))
                .filter(v -> v instanceof ErasureConfirmed)
                .map(v -> (ErasureConfirmed) v)
                .filter(c ->
                        c.getErasureId().equals(erasureId) && c.getService().equals(service))
                .findFirst()
                .orElse(null);
    }

    private void publish(String key, SpecificRecord value) {
        var record = new ProducerRecord<>(Topics.Privacy.ERASURE, key, value);
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.Privacy.ERASURE, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
