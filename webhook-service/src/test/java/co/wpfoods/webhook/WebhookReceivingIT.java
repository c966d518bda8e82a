package co.wpfoods.webhook;

import static co.wpfoods.webhook.WebhookFixtures.messagesEnvelope;
import static co.wpfoods.webhook.WebhookFixtures.statusOf;
import static co.wpfoods.webhook.WebhookFixtures.statusesEnvelope;
import static co.wpfoods.webhook.WebhookFixtures.text;
import static co.wpfoods.webhook.WebhookFixtures.voiceNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.DeliveryState;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class WebhookReceivingIT extends WebhookServiceSupport {

    static final List<String> ALL_TOPICS = List.of(
            Topics.WhatsApp.INBOUND_CUSTOMER,
            Topics.WhatsApp.INBOUND_RESTAURANT,
            Topics.WhatsApp.INBOUND_WORKER,
            Topics.WhatsApp.INBOUND_MEDIA,
            Topics.WhatsApp.STATUS);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void publishes_a_text_to_the_customer_topic_with_the_conventional_headers_before_answering_200() {
        String wamid = unique("wamid.TXT");
        String from = uniqueNumber();

        var response = post(messagesEnvelope(from, List.of(text(wamid, from, "Hola, ¿tienen pizza?"))));

        assertThat(response.statusCode()).isEqualTo(200);
        try (var consumer = consumer(Topics.WhatsApp.INBOUND_CUSTOMER)) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                    .until(() -> matching(consumer.poll(), wamid), list -> !list.isEmpty())
                    .getFirst();
            assertThat(record.key()).isEqualTo(from);
            InboundMessage message = (InboundMessage) decode(record);
            assertThat(message.getMessageId()).isEqualTo(wamid);
            assertThat(message.getText().getBody()).isEqualTo("Hola, ¿tienen pizza?");
            assertThat(message.getRole()).isEqualTo(Role.CUSTOMER);
            assertThat(message.getRateLimited()).isFalse();
            assertThat(eventId(record))
                    .isEqualTo(DedupKey.ofMessage(wamid).eventId().toString());
            assertThat(header(record, Headers.EVENT_TYPE)).isEqualTo("InboundMessage");
            assertThat(header(record, Headers.OCCURRED_AT)).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(header(record, Headers.CORRELATION_ID)).isEqualTo("conversation:" + from);
            assertThat(header(record, Headers.TRACEPARENT)).startsWith("00-4bf92f35");
        }
    }

    @Test
    void sends_voice_notes_to_the_media_topic_and_statuses_to_the_status_topic() {
        String voice = unique("wamid.VOICE");
        String outbound = unique("wamid.OUT");
        String from = uniqueNumber();

        assertThat(post(messagesEnvelope(from, List.of(voiceNote(voice, from)))).statusCode())
                .isEqualTo(200);
        assertThat(post(statusesEnvelope(List.of(statusOf(outbound, "delivered", from))))
                        .statusCode())
                .isEqualTo(200);

        try (var consumer = consumer(Topics.WhatsApp.INBOUND_MEDIA, Topics.WhatsApp.STATUS)) {
            var voiceRecord = await().atMost(Duration.ofSeconds(20))
                    .until(() -> matching(consumer.poll(), voice), list -> !list.isEmpty())
                    .getFirst();
            assertThat(voiceRecord.topic()).isEqualTo(Topics.WhatsApp.INBOUND_MEDIA);
            assertThat(((InboundMessage) decode(voiceRecord)).getMedia().getVoice())
                    .isTrue();

            var statusRecord = await().atMost(Duration.ofSeconds(20))
                    .until(() -> matching(consumer.poll(), outbound), list -> !list.isEmpty())
                    .getFirst();
            assertThat(statusRecord.topic()).isEqualTo(Topics.WhatsApp.STATUS);
            assertThat(statusRecord.key()).isEqualTo(from);
            assertThat(((DeliveryStatus) decode(statusRecord)).getStatus()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(eventId(statusRecord))
                    .isEqualTo(
                            DedupKey.ofStatus(outbound, "delivered").eventId().toString());
        }
    }

    @Test
    void a_batch_post_yields_one_record_per_message_and_status_and_archives_the_payload() {
        String tag = unique("B");
        String a = uniqueNumber();
        String b = uniqueNumber();
        List<String> messages = List.of(
                text("wamid." + tag + "_M1", a, "uno"),
                text("wamid." + tag + "_M2", b, "dos"),
                voiceNote("wamid." + tag + "_M3", a),
                text("wamid." + tag + "_M4", a, "cuatro"));
        String statuses = String.join(
                ",",
                statusOf("wamid." + tag + "_S1", "sent", a),
                statusOf("wamid." + tag + "_S1", "delivered", a),
                statusOf("wamid." + tag + "_S1", "read", a));
        String body = new String(messagesEnvelope(a, messages), StandardCharsets.UTF_8)
                .replace("\"messages\": [", "\"statuses\": [" + statuses + "], \"messages\": [");
        long archivedBefore =
                jdbc.sql("SELECT count(*) FROM raw_webhook").query(Long.class).single();

        assertThat(post(body.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        try (var consumer = consumer(ALL_TOPICS.toArray(String[]::new))) {
            var records = await().atMost(Duration.ofSeconds(20))
                    .until(() -> matching(consumer.poll(), tag), list -> list.size() >= 7);
            assertThat(records).hasSize(7);
            assertThat(records)
                    .filteredOn(r -> r.topic().equals(Topics.WhatsApp.STATUS))
                    .hasSize(3);
            assertThat(records)
                    .filteredOn(r -> r.topic().equals(Topics.WhatsApp.INBOUND_MEDIA))
                    .hasSize(1);
            assertThat(records)
                    .filteredOn(r -> r.topic().equals(Topics.WhatsApp.INBOUND_CUSTOMER))
                    .hasSize(3);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM raw_webhook")
                        .query(Long.class)
                        .single())
                .isEqualTo(archivedBefore + 1);
    }

    @Test
    void a_batch_of_a_thousand_updates_is_acknowledged_as_a_whole() {
        String tag = unique("K");
        String to = uniqueNumber();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            statuses.add(statusOf("wamid." + tag + "_" + i, i % 2 == 0 ? "delivered" : "read", to));
        }

        assertThat(post(statusesEnvelope(statuses)).statusCode()).isEqualTo(200);

        try (var consumer = consumer(Topics.WhatsApp.STATUS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> matching(consumer.poll(), tag).size() >= 1_000);
            assertThat(matching(consumer.poll(), tag)).hasSize(1_000);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM inbound_record WHERE dedup_key LIKE ? AND published")
                        .param("status:wamid." + tag + "_%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1_000L);
    }

    @Test
    void a_duplicate_delivery_of_the_same_wamid_is_answered_200_and_published_once() throws Exception {
        String wamid = unique("wamid.DUP");
        String from = uniqueNumber();
        byte[] body = messagesEnvelope(from, List.of(text(wamid, from, "pedido")));
        double duplicatesBefore = duplicates();

        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(post(body).statusCode()).isEqualTo(200);
        // Meta also delivers concurrently: eight at once
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> post(body).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        try (var consumer = consumer(Topics.WhatsApp.INBOUND_CUSTOMER)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !matching(consumer.poll(), wamid).isEmpty());
            // give a second copy every chance to show up
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertThat(matching(consumer.poll(), wamid)).hasSize(1);
        }
        assertThat(duplicates() - duplicatesBefore).isEqualTo(9.0);
        assertThat(jdbc.sql("SELECT deliveries FROM inbound_record WHERE dedup_key = ?")
                        .param(DedupKey.ofMessage(wamid).value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(10);
    }

    @Test
    void answers_400_with_a_reason_for_a_body_that_is_not_a_json_object() {
        var response = post("{\"entry\": [".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"reason\":\"malformed_json\",\"detail\":");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(post(new byte[0]).statusCode()).isEqualTo(400);
        assertThat(post("[1,2]".getBytes(StandardCharsets.UTF_8)).body()).contains("not_an_object");
        assertThat(meters.counter("wpfoods.webhook.rejections", "reason", "malformed_json")
                        .count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void answers_200_to_an_envelope_without_messages_or_statuses() {
        assertThat(post(WebhookFixtures.envelope("other-field-only")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void answers_400_with_the_reason_for_a_signed_body_without_entry_instead_of_a_silent_200() {
        double before = meters.counter("wpfoods.webhook.rejections", "reason", "no_entry")
                .count();

        var response =
                post("{\"object\":\"whatsapp_business_account\",\"changes\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"reason\":\"no_entry\",\"detail\":\"\\\"entry\\\" must be a non-empty array\"}");
        assertThat(post("{}".getBytes(StandardCharsets.UTF_8)).body()).contains("not_a_whatsapp_envelope");
        assertThat(meters.counter("wpfoods.webhook.rejections", "reason", "no_entry")
                        .count())
                .isEqualTo(before + 1);
    }

    @Test
    void mutated_payloads_never_get_a_server_error() {
        byte[] original = WebhookFixtures.envelope("batch");
        Random random = new Random(20261126);
        for (int i = 0; i < 60; i++) {
            byte[] mutated = original.clone();
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                mutated[random.nextInt(mutated.length)] = (byte) "{}[]\",:0x ".charAt(random.nextInt(10));
            }
            assertThat(post(mutated).statusCode()).as("mutation %d", i).isIn(200, 400);
        }
    }

    double duplicates() {
        var counter =
                meters.find("wpfoods.webhook.duplicates").tag("kind", "message").counter();
        return counter == null ? 0 : counter.count();
    }
}
