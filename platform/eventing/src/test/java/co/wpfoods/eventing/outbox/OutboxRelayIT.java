package co.wpfoods.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.wpfoods.eventingtest.EventingTestApplication;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = EventingTestApplication.class)
@EmbeddedInfra
class OutboxRelayIT {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRelay relay;

    @org.springframework.beans.factory.annotation.Value("${wpfoods.test.database}")
    String database;

    @Test
    void publishes_a_committed_event_with_its_key_topic_and_headers_then_deletes_the_row() {
        var confirmed = confirmed("order-1");
        var event = OutboxEvent.of(Topics.Orders.ORDER, "order-1", confirmed, "conv-1")
                .withTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        transaction.executeWithoutResult(status -> outbox.append(event));

        try (var consumer = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Orders.ORDER)) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(consumer.poll(), event.eventId().toString()), r -> r != null);
            assertThat(record.key()).isEqualTo("order-1");
            assertThat(AvroSerde.standard().decode(record.value())).isEqualTo(confirmed);
            assertThat(KafkaTestConsumer.header(record, Headers.EVENT_TYPE)).isEqualTo("OrderConfirmed");
            assertThat(KafkaTestConsumer.header(record, Headers.CORRELATION_ID)).isEqualTo("conv-1");
            assertThat(KafkaTestConsumer.header(record, Headers.TRACEPARENT)).startsWith("00-4bf92f35");
            assertThat(Instant.parse(KafkaTestConsumer.header(record, Headers.OCCURRED_AT)))
                    .isEqualTo(event.occurredAt());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM outbox")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void never_publishes_an_event_whose_transaction_rolled_back() {
        var rolledBack = OutboxEvent.of(Topics.Orders.ORDER, "order-2", confirmed("order-2"), "conv-2");
        var committedAfter = OutboxEvent.of(Topics.Orders.ORDER, "order-2", confirmed("order-2"), "conv-2");

        transaction.executeWithoutResult(status -> {
            outbox.append(rolledBack);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.append(committedAfter));

        try (var consumer = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Orders.ORDER)) {
            // the later commit arriving proves the stream went past the rolled-back one
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(consumer.poll(), committedAfter.eventId().toString()) != null);
            assertThat(find(consumer.poll(), rolledBack.eventId().toString())).isNull();
        }
    }

    @Test
    void refuses_to_write_outside_a_transaction() {
        var event = OutboxEvent.of(Topics.Orders.ORDER, "order-3", confirmed("order-3"), null);

        assertThatThrownBy(() -> outbox.append(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void refuses_an_event_kafka_could_never_take_so_the_state_change_fails_at_once() {
        var badTopic = OutboxEvent.of("orders order", "order-4", confirmed("order-4"), null);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outbox.append(badTopic)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a Kafka topic name");
    }

    @Test
    void reports_healthy_while_streaming() {
        assertThat(relay.isRunning()).isTrue();
        assertThat(relay.failure()).isNull();
        assertThat(relay.slotName()).endsWith("_" + database);
    }

    static OrderConfirmed confirmed(String orderId) {
        return OrderConfirmed.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId("rest-112")
                .setOccurredAt(Instant.parse("2026-11-26T12:00:00Z"))
                .build();
    }

    static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String eventId) {
        return records.stream()
                .filter(r -> eventId.equals(KafkaTestConsumer.header(r, Headers.EVENT_ID)))
                .findFirst()
                .orElse(null);
    }
}
