package co.wpfoods.webhook;

import static co.wpfoods.webhook.WebhookFixtures.messagesEnvelope;
import static co.wpfoods.webhook.WebhookFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared context allows 5 messages a minute per sender. */
class InboundLimitsIT extends WebhookServiceSupport {

    @Test
    void messages_over_the_limit_are_still_published_flagged_and_the_sender_gets_one_polite_notice() {
        String sender = uniqueNumber();
        String tag = unique("LIM");
        List<String> seven = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            seven.add(text("wamid." + tag + "_" + i, sender, "mensaje " + i));
        }

        assertThat(post(messagesEnvelope(sender, seven)).statusCode()).isEqualTo(200);
        assertThat(post(messagesEnvelope(sender, List.of(text("wamid." + tag + "_8", sender, "otro"))))
                        .statusCode())
                .isEqualTo(200);

        try (var consumer = consumer(Topics.WhatsApp.INBOUND_CUSTOMER, Topics.WhatsApp.OUTBOUND)) {
            var inbound = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> matching(consumer.poll(), tag).stream()
                                    .map(r -> (InboundMessage) decode(r))
                                    .sorted(Comparator.comparing(InboundMessage::getMessageId))
                                    .toList(),
                            list -> list.size() >= 8);
            assertThat(inbound).hasSize(8);
            assertThat(inbound.subList(0, 7))
                    .extracting(InboundMessage::getRateLimited)
                    .containsExactly(false, false, false, false, false, true, true);

            var notices = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> consumer.poll().stream()
                                    .filter(r -> r.topic().equals(Topics.WhatsApp.OUTBOUND))
                                    .filter(r -> sender.equals(r.key()))
                                    .toList(),
                            list -> !list.isEmpty());
            // the second POST, still over the limit, must not produce a second notice
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            notices = consumer.poll().stream()
                    .filter(r -> r.topic().equals(Topics.WhatsApp.OUTBOUND))
                    .filter(r -> sender.equals(r.key()))
                    .toList();
            assertThat(notices).hasSize(1);
            OutboundCommand notice = (OutboundCommand) decode(notices.getFirst());
            assertThat(notice.getKind()).isEqualTo(OutboundKind.TEXT);
            assertThat(notice.getTo().getWaId()).isEqualTo(sender);
            assertThat(notice.getText().getBody()).startsWith("Estás enviando mensajes muy rápido");
        }
    }
}
