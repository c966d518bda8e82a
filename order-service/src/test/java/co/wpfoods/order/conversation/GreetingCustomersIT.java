package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.fixtures.InboundMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@EmbeddedInfra
class GreetingCustomersIT {

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Test
    void a_customer_who_says_hola_gets_the_greeting_once_even_when_the_message_is_delivered_twice() throws Exception {
        InboundMessage hola = InboundMessages.customerText("573001234567", "hola");

        publishWithEventId(hola, "evt-" + hola.getMessageId());
        publishWithEventId(hola, "evt-" + hola.getMessageId());
        InboundMessage later = InboundMessages.customerText("573001234567", "hola otra vez");
        publishWithEventId(later, "evt-" + later.getMessageId());

        try (var outbound = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND)) {
            // the reply to the later message proves the duplicate was consumed before it
            List<OutboundCommand> replies = await().atMost(Duration.ofSeconds(60))
                    .until(() -> commandsTo(outbound, "573001234567"), list -> list.size() >= 2);
            assertThat(replies).hasSize(2);
            OutboundCommand first = replies.getFirst();
            assertThat(first.getKind()).isEqualTo(OutboundKind.TEXT);
            assertThat(first.getText().getBody()).isEqualTo("Hola 👋 Soy WPFoods. ¿Qué se te antoja hoy?");
            assertThat(first.getTo().getWaId()).isEqualTo("573001234567");
            assertThat(first.getCorrelationId()).isEqualTo("conv:573001234567");
            assertThat(replies).extracting(OutboundCommand::getCommandId).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_message_flagged_over_the_senders_limit_gets_no_reply() throws Exception {
        InboundMessage flooding = InboundMessages.customerText("573009990000", "spam");
        flooding.setRateLimited(true);
        InboundMessage normal = InboundMessages.customerText("573009990000", "hola");

        publishWithEventId(flooding, "evt-" + flooding.getMessageId());
        publishWithEventId(normal, "evt-" + normal.getMessageId());

        try (var outbound = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND)) {
            List<OutboundCommand> replies = await().atMost(Duration.ofSeconds(60))
                    .until(() -> commandsTo(outbound, "573009990000"), list -> !list.isEmpty());
            assertThat(replies).hasSize(1);
        }
    }

    private void publishWithEventId(InboundMessage message, String eventId) throws Exception {
        var record = new ProducerRecord<String, SpecificRecord>(
                Topics.WhatsApp.INBOUND_CUSTOMER, message.getFrom().getWaId(), message);
        record.headers().add(Headers.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private static List<OutboundCommand> commandsTo(KafkaTestConsumer consumer, String waId) {
        return consumer.poll().stream()
                .filter(r -> waId.equals(r.key()))
                .map(r -> AvroSerde.standard().decode(r.value(), OutboundCommand.class))
                .toList();
    }
}
