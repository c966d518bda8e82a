package co.wpfoods.eventing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventingtest.EventingTestApplication;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderReady;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

@SpringBootTest(classes = EventingTestApplication.class)
@EmbeddedInfra
@Import(DeadLetterIT.ConfirmationsListener.class)
class DeadLetterIT {

    static final String TOPIC = "dlt.test.confirmations.v1";

    @Autowired
    ConfirmationsListener listener;

    @Test
    void a_poison_record_and_an_unhandled_type_go_to_the_dead_letter_topic_and_the_partition_keeps_flowing()
            throws Exception {
        var serde = AvroSerde.standard();
        byte[] poison = "not avro at all".getBytes();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaServer.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            // one key: all four records share a partition, in this order
            producer.send(new ProducerRecord<>(TOPIC, "order-9", serde.encode(confirmed("first"))));
            producer.send(new ProducerRecord<>(TOPIC, "order-9", poison));
            producer.send(new ProducerRecord<>(TOPIC, "order-9", serde.encode(ready("unhandled"))));
            producer.send(new ProducerRecord<>(TOPIC, "order-9", serde.encode(confirmed("after"))))
                    .get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.confirmed.size() == 2);
        assertThat(listener.confirmed).containsExactly("first", "after");

        try (var dlt = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), TOPIC + ".dlt")) {
            List<ConsumerRecord<String, byte[]>> dead =
                    await().atMost(Duration.ofSeconds(30)).until(dlt::poll, records -> records.size() == 2);
            assertThat(dead).extracting(ConsumerRecord::key).containsOnly("order-9");
            assertThat(dead.get(0).value()).isEqualTo(poison);
            assertThat(KafkaTestConsumer.header(dead.get(0), "kafka_dlt-exception-stacktrace"))
                    .contains(AvroSerde.MalformedRecordException.class.getName())
                    .contains("missing C3 01 header");
            assertThat(serde.decode(dead.get(1).value())).isEqualTo(ready("unhandled"));
            assertThat(KafkaTestConsumer.header(dead.get(1), "kafka_dlt-exception-fqcn"))
                    .contains("ListenerExecutionFailedException");
            assertThat(KafkaTestConsumer.header(dead.get(1), "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(UnhandledEventException.class.getName());
            assertThat(KafkaTestConsumer.header(dead.get(0), "kafka_dlt-original-topic"))
                    .isEqualTo(TOPIC);
        }
    }

    static OrderConfirmed confirmed(String orderId) {
        return OrderConfirmed.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId("rest-1")
                .setOccurredAt(Instant.parse("2026-11-26T12:00:00Z"))
                .build();
    }

    static OrderReady ready(String orderId) {
        return OrderReady.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId("rest-1")
                .setOccurredAt(Instant.parse("2026-11-26T12:00:00Z"))
                .build();
    }

    @TestConfiguration
    static class ConfirmationsListener {
        final List<String> confirmed = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = TOPIC, groupId = "dlt-test")
        void on(ConsumerRecord<String, SpecificRecord> record) {
            switch (record.value()) {
                case OrderConfirmed c -> confirmed.add(c.getOrderId());
                case null, default -> throw new UnhandledEventException("dlt-test", record.value());
            }
        }
    }
}
