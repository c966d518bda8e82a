package co.wpfoods.ai.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.ai.nlu.NluCorpus;
import co.wpfoods.ai.privacy.application.PersonalDataColumns;
import co.wpfoods.ai.provider.ProviderStandIns;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.restaurants.MenuItem;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.serde.AvroDeserializer;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.MediaContent;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaTestConsumer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ai-service as one application: REST API, ledger and menu read model on embedded PostgreSQL, Kafka adapters on the
 * in-process KRaft broker, Groq and the Graph media endpoints as WireMock stand-ins. No LLM keys: the offline engine
 * answers (the cascade itself is proven in ProviderCascadeTest). One application context for every test.
 */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiServiceIT {

    static final ProviderStandIns STAND_INS = new ProviderStandIns().start();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final long MAX_AUDIO_BYTES = 200_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("wpfoods.ai.menu-seed", () -> "classpath*:nlu/menus/*.json");
        r.add("wpfoods.ai.transcription.api-key", () -> "groq-test-key");
        r.add("wpfoods.ai.transcription.base-url", STAND_INS::groqBaseUrl);
        r.add("wpfoods.ai.transcription.max-bytes", () -> MAX_AUDIO_BYTES);
        r.add("wpfoods.ai.transcription.media-base-url", () -> STAND_INS.gemini.baseUrl());
        r.add("wpfoods.ai.transcription.media-token", () -> "graph-token");
    }

    @AfterAll
    static void stopStandIns() {
        STAND_INS.stop();
    }

    @Value("${local.server.port}")
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void understands_a_colombian_order_with_typos_items_modifiers_and_address() {
        JsonNode r = postJson("/api/ai/intent", """
                {"role": "CUSTOMER", "text": "kiero 2 hamburgesas sin cebolla pa la 85 con 11", "context": {"restaurantId": "r-brasa"}}
                """, 200);

        assertThat(r.get("intent").asString()).isEqualTo("add_to_cart");
        assertThat(r.get("engine").asString()).isEqualTo("offline");
        JsonNode item = r.get("entities").get("items").get(0);
        assertThat(item.get("itemId").asString()).isEqualTo("br-hamburguesa-clasica");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(item.get("modifiers").get(0).get("modifierId").asString()).isEqualTo("m-sin-cebolla");
        assertThat(r.get("entities").get("address").get("normalized").asString())
                .isEqualTo("85 con 11");
        assertThat(r.get("latencyMs").asDouble()).isLessThan(1000);
        assertThat(r.get("candidates").get(0).get("intent").asString()).isEqualTo("add_to_cart");
        assertThat(r.get("candidates").get(0).get("probability").asDouble())
                .isEqualTo(r.get("confidence").asDouble());
    }

    @Test
    void an_address_typed_alone_is_a_change_of_delivery_address_with_the_address() {
        JsonNode r = postJson("/api/ai/intent", """
                {"role": "CUSTOMER", "text": "Cll 72 # 10-34 apto 502", "context": {"restaurantId": "r-brasa"}}
                """, 200);

        assertThat(r.get("intent").asString()).isEqualTo("change_address");
        assertThat(r.get("entities").get("address").get("normalized").asString())
                .startsWith("Calle 72 # 10-34");
        assertThat(r.get("entities").get("items")).isEmpty();
    }

    @Test
    void an_identical_request_on_the_same_menu_version_comes_from_the_cache() {
        String body = """
                {"role": "WORKER", "text": "entregado pin 4821 %s"}
                """.formatted(UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x"));
        assertThat(postJson("/api/ai/intent", body, 200).get("cached").asBoolean())
                .isFalse();
        JsonNode second = postJson("/api/ai/intent", body, 200);
        assertThat(second.get("cached").asBoolean()).isTrue();
        assertThat(second.get("entities").get("pin").asString()).isEqualTo("4821");
    }

    @Test
    void rejects_a_request_without_text_with_a_clear_400() {
        JsonNode r = postJson("/api/ai/intent", """
                {"role": "CUSTOMER", "text": "  "}
                """, 400);
        assertThat(r.get("title").asString()).isEqualTo("Invalid request");
        assertThat(r.get("errors").get(0).get("field").asString()).isEqualTo("text");
    }

    @Test
    void rejects_an_unknown_role_and_a_bad_language_hint() {
        postJson("/api/ai/intent", """
                {"role": "CHEF", "text": "hola"}
                """, 400);
        JsonNode r = postJson("/api/ai/intent", """
                {"role": "CUSTOMER", "language": "fr", "text": "bonjour"}
                """, 400);
        assertThat(r.get("errors").get(0).get("field").asString()).isEqualTo("language");
    }

    @Test
    void a_tracking_question_is_answered_from_the_order_facts_only() {
        JsonNode r = postJson("/api/ai/generate", """
                {"question": "ey y mi pedido q?", "facts": {"orderId": "A7K2", "status": "en camino", "etaMinutes": "12"}}
                """, 200);
        assertThat(r.get("engine").asString()).isEqualTo("offline");
        assertThat(r.get("reply").asString()).contains("A7K2").contains("12");
    }

    @Test
    void without_an_eta_the_reply_states_no_time() {
        JsonNode r = postJson("/api/ai/generate", """
                {"question": "where is my order?", "language": "en", "facts": {"orderId": "B1"}}
                """, 200);
        assertThat(r.get("reply").asString()).doesNotContainPattern("\\d+ min");
    }

    @Test
    void a_voice_note_is_transcribed_by_the_groq_stand_in() throws Exception {
        STAND_INS.groqTranscribes("quiero dos empanadas de pollo");
        HttpResponse<String> r = upload(OggFixture.voiceNote(4.5), "nota.ogg");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asString()).isEqualTo("TRANSCRIBED");
        assertThat(body.get("text").asString()).isEqualTo("quiero dos empanadas de pollo");
        assertThat(body.get("seconds").asDouble()).isEqualTo(4.5);
    }

    @Test
    void a_corrupt_file_is_refused_before_any_provider_call_with_a_message_for_the_person() throws Exception {
        HttpResponse<String> r = upload("this is not audio at all".getBytes(StandardCharsets.UTF_8), "nota.ogg");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("status").asString()).isEqualTo("NOT_AUDIO");
        assertThat(JSON.readTree(r.body()).get("userMessage").asString()).contains("escribes");
    }

    @Test
    void an_oversized_file_is_refused_with_413() throws Exception {
        HttpResponse<String> r = upload(OggFixture.voiceNote(1.0, (int) MAX_AUDIO_BYTES + 1), "larga.ogg");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).get("status").asString()).isEqualTo("TOO_LARGE");
    }

    @Test
    void audio_the_provider_cannot_read_is_a_clear_502_and_the_call_is_in_the_ledger() throws Exception {
        STAND_INS.groq.resetAll();
        STAND_INS.groqRejectsAudio();
        HttpResponse<String> r = upload(OggFixture.voiceNote(2.0), "rota.ogg");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(r.body()).get("status").asString()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select count(*) from ai_usage where provider = 'groq' and outcome = 'ERROR'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void favourites_come_first_and_only_from_open_restaurants() {
        JsonNode r = postJson("/api/ai/recommend", """
                {"history": {"fd-ajiaco-santafereno": 4}, "zone": "chapinero", "localTime": "12:30", "limit": 5}
                """, 200);
        assertThat(r.get("items").get(0).get("itemId").asString()).isEqualTo("fd-ajiaco-santafereno");
        assertThat(r.get("items").get(0).get("reason").asString()).isEqualTo("YOUR_FAVOURITE");
        assertThat(r.get("items").size()).isEqualTo(5);
    }

    @Test
    void the_usage_summary_counts_messages_and_cost() {
        postJson("/api/ai/intent", """
                {"role": "CUSTOMER", "text": "hola", "correlationId": "order-77"}
                """, 200);
        JsonNode r = getJson("/api/ai/usage?since=2000-01-01T00:00:00Z");
        assertThat(r.get("messages").asLong()).isPositive();
        assertThat(r.has("costPer1000MessagesUsd")).isTrue();
    }

    @Test
    void the_openapi_document_lists_the_four_endpoints() {
        JsonNode paths = getJson("/v3/api-docs").get("paths");
        assertThat(paths.has("/api/ai/intent")).isTrue();
        assertThat(paths.has("/api/ai/generate")).isTrue();
        assertThat(paths.has("/api/ai/transcribe")).isTrue();
        assertThat(paths.has("/api/ai/recommend")).isTrue();
    }

    @Test
    void a_published_menu_reaches_the_index_and_the_read_model() throws Exception {
        MenuPublished menu = MenuPublished.newBuilder()
                .setRestaurantId("r-arepera")
                .setRestaurantName("Arepera La Nueva")
                .setVersion(3)
                .setOpen(true)
                .setOccurredAt(Instant.now())
                .setItems(List.of(MenuItem.newBuilder()
                        .setItemId("ar-arepa-reina-pepiada")
                        .setName("Arepa Reina Pepiada")
                        .setPriceCop(14000)
                        .build()))
                .build();
        send(Topics.Orders.RESTAURANT, "r-arepera", menu);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode r = postJson("/api/ai/intent", """
                    {"role": "CUSTOMER", "text": "2 arepas reina pepiada", "context": {"restaurantId": "r-arepera"}}
                    """, 200);
            assertThat(r.get("entities").get("items").get(0).get("itemId").asString())
                    .isEqualTo("ar-arepa-reina-pepiada");
        });
        assertThat(jdbc.sql("select version from ai_menu where restaurant_id = 'r-arepera'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
    }

    @Test
    void a_voice_note_is_republished_as_text_to_the_senders_role_topic() throws Exception {
        STAND_INS.groq.resetAll();
        STAND_INS.groqTranscribes("quiero dos empanadas de pollo");
        mediaAvailable("media-ok", OggFixture.voiceNote(3.0));
        try (KafkaTestConsumer customers = new KafkaTestConsumer(bootstrap, Topics.WhatsApp.INBOUND_CUSTOMER)) {
            send(Topics.WhatsApp.INBOUND_MEDIA, "573001112233", voiceNote("wamid.VOICE1", "media-ok"));

            InboundMessage text = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> customers.poll().stream()
                                    .map(r -> (InboundMessage) decode(r.value()))
                                    .filter(m -> "wamid.VOICE1".equals(m.getTranscriptOf()))
                                    .findFirst()
                                    .orElse(null),
                            m -> m != null);
            assertThat(text.getType()).isEqualTo(InboundMessageType.TEXT);
            assertThat(text.getText().getBody()).isEqualTo("quiero dos empanadas de pollo");
            assertThat(text.getMedia().getMediaId()).isEqualTo("media-ok");
        }
    }

    @Test
    void a_voice_note_that_cannot_be_read_keeps_its_reference_and_the_person_is_asked_to_type() throws Exception {
        mediaAvailable("media-broken", "RIFF-but-not-really".getBytes(StandardCharsets.UTF_8));
        try (KafkaTestConsumer outbound = new KafkaTestConsumer(bootstrap, Topics.WhatsApp.OUTBOUND)) {
            send(Topics.WhatsApp.INBOUND_MEDIA, "573001112244", voiceNote("wamid.VOICE2", "media-broken"));

            OutboundCommand ask = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> outbound.poll().stream()
                                    .map(r -> (OutboundCommand) decode(r.value()))
                                    .filter(c -> c.getCommandId().equals("ai-voice-wamid.VOICE2"))
                                    .findFirst()
                                    .orElse(null),
                            c -> c != null);
            assertThat(ask.getText().getBody()).contains("escribes");
        }
        Map<String, Object> kept = jdbc.sql(
                        "select media_id_enc, status from ai_voice_note where message_id = 'wamid.VOICE2'")
                .query()
                .singleRow();
        assertThat(kept).containsEntry("status", "NOT_AUDIO");
        assertThat(cipher.decrypt((byte[]) kept.get("media_id_enc"), PersonalDataColumns.VOICE_NOTE_MEDIA_ID))
                .isEqualTo("media-broken");
    }

    @Test
    void orders_placed_in_a_zone_make_their_items_popular_there() throws Exception {
        Instant evening = java.time.ZonedDateTime.now(java.time.ZoneId.of("America/Bogota"))
                .withHour(19)
                .toInstant();
        for (int i = 0; i < 3; i++) {
            send(
                    Topics.Orders.ORDER,
                    "o-" + i,
                    co.wpfoods.schemas.orders.OrderPlaced.newBuilder()
                            .setOrderId("o-" + i)
                            .setReference("88" + i)
                            .setCustomer(WaUser.newBuilder()
                                    .setWaId("57300000000" + i)
                                    .build())
                            .setRestaurantId("r-vito")
                            .setLines(List.of(co.wpfoods.schemas.orders.OrderLine.newBuilder()
                                    .setItemId("vt-pizza-paisa")
                                    .setName("Pizza Paisa")
                                    .setQuantity(2)
                                    .setUnitPriceCop(33000)
                                    .build()))
                            .setSubtotalCop(66000)
                            .setDeliveryFeeCop(5000)
                            .setTotalCop(71000)
                            .setPaymentMethod(co.wpfoods.schemas.orders.PaymentMethod.CASH)
                            .setDeliveryPoint(co.wpfoods.schemas.common.GeoPoint.newBuilder()
                                    .setLatitude(4.6486)
                                    .setLongitude(-74.0628)
                                    .build())
                            .setOccurredAt(evening)
                            .build());
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode r = postJson("/api/ai/recommend", """
                    {"latitude": 4.6512, "longitude": -74.0601, "localTime": "19:15", "limit": 3}
                    """, 200);
            assertThat(r.get("items").get(0).get("itemId").asString()).isEqualTo("vt-pizza-paisa");
            assertThat(r.get("items").get(0).get("reason").asString()).isEqualTo("POPULAR_NEAR_YOU");
        });
    }

    // --- helpers

    void send(String topic, String key, SpecificRecord value) throws Exception {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.EVENT_TYPE, value.getSchema().getName().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    static SpecificRecord decode(byte[] bytes) {
        try (AvroDeserializer d = new AvroDeserializer()) {
            return d.deserialize("t", bytes);
        }
    }

    static InboundMessage voiceNote(String wamid, String mediaId) {
        return InboundMessage.newBuilder()
                .setMessageId(wamid)
                .setType(InboundMessageType.AUDIO)
                .setMetaType("audio")
                .setFrom(WaUser.newBuilder().setWaId("573001112233").build())
                .setRole(Role.CUSTOMER)
                .setPhoneNumberId("1098765")
                .setSentAt(Instant.now())
                .setReceivedAt(Instant.now())
                .setMedia(MediaContent.newBuilder()
                        .setMediaId(mediaId)
                        .setMimeType("audio/ogg; codecs=opus")
                        .setVoice(true)
                        .build())
                .setRawJson("{}")
                .build();
    }

    void mediaAvailable(String mediaId, byte[] bytes) {
        var graph = STAND_INS.gemini;
        graph.stubFor(get(urlPathEqualTo("/v23.0/" + mediaId))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                {"messaging_product": "whatsapp", "url": "%s/media-bytes/%s", "mime_type": "audio/ogg; codecs=opus", "id": "%s"}
                """.formatted(graph.baseUrl(), mediaId, mediaId))));
        graph.stubFor(get(urlPathEqualTo("/media-bytes/" + mediaId))
                .willReturn(aResponse().withHeader("Content-Type", "audio/ogg").withBody(bytes)));
    }

    /** A calling service that may also read the usage report (ops): the API's roles are tested in AiApiAccessIT. */
    static String caller() {
        return TestTokens.bearer(co.wpfoods.security.Role.SERVICE, co.wpfoods.security.Role.OPS);
    }

    JsonNode postJson(String path, String body, int expectedStatus) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", caller())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String path) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", caller())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> upload(byte[] audio, String filename) throws Exception {
        String boundary = "wpfoods" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: audio/ogg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + audio.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(audio, 0, body, head.length, audio.length);
        System.arraycopy(tail, 0, body, head.length + audio.length, tail.length);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ai/transcribe"))
                        .header("Authorization", caller())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> unusedCorpus() {
        return NluCorpus.RESTAURANTS;
    }
}
