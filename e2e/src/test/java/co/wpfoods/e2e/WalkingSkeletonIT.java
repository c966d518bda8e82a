package co.wpfoods.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.Repository;
import co.wpfoods.testing.process.ServiceProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thinnest real path through every layer: a signed webhook POST to the gateway → webhook-service →
 * {@code wa.inbound.customer.v1} → order-service writes "Hola 👋" through its outbox → {@code wa.outbound.v1} →
 * messaging-service POSTs it to the Graph API (a WireMock stub). Every service runs as its own process from its jar,
 * on a real embedded PostgreSQL and a real KRaft broker.
 */
class WalkingSkeletonIT {

    static final String APP_SECRET = "e2e-app-secret";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String CUSTOMER = "573001234567";

    static WireMockServer graph;
    static final List<ServiceProcess> services = new java.util.ArrayList<>();
    static ServiceProcess gateway;

    @BeforeAll
    static void startPlatform() {
        graph = new WireMockServer(wireMockConfig().dynamicPort());
        graph.start();
        graph.stubFor(post(urlEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"messaging_product":"whatsapp",
                                 "contacts":[{"input":"+573001234567","wa_id":"573001234567"}],
                                 "messages":[{"id":"wamid.E2E-OUT-1"}]}
                                """)));

        PostgresServer postgres = PostgresServer.shared();
        String kafka = KafkaServer.shared().bootstrapServers();
        int webhookPort = ServiceProcess.freePort();

        services.add(start("webhook-service", webhookPort, database(postgres, "e2e_webhook", kafka)));
        services.add(start("order-service", ServiceProcess.freePort(), database(postgres, "e2e_order", kafka)));
        Map<String, String> messaging = database(postgres, "e2e_messaging", kafka);
        messaging.put("wpfoods.messaging.graph.base-url", graph.baseUrl());
        messaging.put("wpfoods.messaging.graph.phone-number-id", PHONE_NUMBER_ID);
        messaging.put("wpfoods.messaging.graph.access-token", "e2e-token");
        services.add(start("messaging-service", ServiceProcess.freePort(), messaging));
        gateway = start(
                "gateway",
                ServiceProcess.freePort(),
                Map.of(
                        "wpfoods.gateway.meta.app-secret",
                        APP_SECRET,
                        "wpfoods.gateway.services.webhook-service",
                        "http://localhost:" + webhookPort,
                        "spring.security.oauth2.resourceserver.jwt.public-key-location",
                        "file:" + TestTokens.publicKey()));
        services.add(gateway);
        services.forEach(s -> s.awaitHealthy(Duration.ofMinutes(3)));
    }

    @AfterAll
    static void stopPlatform() {
        services.forEach(ServiceProcess::close);
        if (graph != null) {
            graph.stop();
        }
    }

    @Test
    void a_signed_hola_through_the_gateway_comes_back_as_a_greeting_posted_to_the_graph_api() throws Exception {
        String wamid = "wamid.E2E-" + UUID.randomUUID();
        byte[] webhook = textWebhook(wamid, "hola").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> ack = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.url("/webhooks/whatsapp")))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", "sha256=" + hmac(webhook))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(200);

        String commandId =
                UUID.nameUUIDFromBytes(("greeting:" + wamid).getBytes()).toString();
        String expectedBody = """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+573001234567",
                 "type":"text","text":{"body":"Hola 👋 Soy WPFoods. ¿Qué se te antoja hoy?"},
                 "biz_opaque_callback_data":"%s"}
                """.formatted(commandId);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> graph.verify(
                        1,
                        postRequestedFor(urlEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
                                .withHeader("Authorization", equalTo("Bearer e2e-token"))
                                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                        "$.to", equalTo("+573001234567")))
                                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                        "$.biz_opaque_callback_data"))));
    }

    /** A service from its jar, its output in {@code e2e/target/e2e-logs/<module>.log}. */
    static ServiceProcess start(String module, int port, Map<String, String> properties) {
        Path root = Repository.root();
        return ServiceProcess.start(
                ServiceProcess.Launch.ofJar(root, module, port, properties, root.resolve("e2e/target/e2e-logs")));
    }

    /**
     * A tracing proxy in front of the gateway sent a {@code traceparent}: the gateway's forward, webhook-service's
     * receipt and order-service's handling of the message are spans of that one trace, so the inbound record on
     * Kafka and the reply command order-service wrote through its outbox carry its trace id, each with a span id of
     * its own hop.
     */
    @Test
    void one_trace_id_follows_a_customer_message_from_the_gateway_through_kafka_to_the_reply() throws Exception {
        String customer = "57300" + (1_000_000 + new java.util.Random().nextInt(8_000_000));
        String wamid = "wamid.E2E-TRACE-" + UUID.randomUUID();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        byte[] webhook = textWebhook(wamid, "hola", customer).getBytes(StandardCharsets.UTF_8);

        try (var inbound = new KafkaTestConsumer(
                        KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.INBOUND_CUSTOMER);
                var outbound =
                        new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND)) {
            HttpResponse<String> ack = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(gateway.url("/webhooks/whatsapp")))
                                    .header("Content-Type", "application/json")
                                    .header("X-Hub-Signature-256", "sha256=" + hmac(webhook))
                                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(webhook))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(ack.statusCode()).isEqualTo(200);

            String received = await().atMost(Duration.ofMinutes(1))
                    .until(() -> traceparentOfRecordFor(inbound, customer), java.util.Objects::nonNull);
            String replied = await().atMost(Duration.ofMinutes(2))
                    .until(() -> traceparentOfRecordFor(outbound, customer), java.util.Objects::nonNull);

            assertThat(received).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
            assertThat(received).doesNotContain(callerSpan);
            assertThat(replied).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
            assertThat(replied.substring(36, 52)).isNotEqualTo(received.substring(36, 52));
        }
    }

    /** The {@code traceparent} of the first record keyed by {@code customer} seen on the consumer's topic. */
    static String traceparentOfRecordFor(KafkaTestConsumer consumer, String customer) {
        for (var record : consumer.poll()) {
            if (customer.equals(record.key())) {
                return KafkaTestConsumer.header(record, Headers.TRACEPARENT);
            }
        }
        return null;
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static Map<String, String> database(PostgresServer postgres, String name, String kafka) {
        postgres.createDatabaseNamed(name);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(name));
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", PostgresServer.PASSWORD);
        properties.put("spring.kafka.bootstrap-servers", kafka);
        // the REST APIs trust this run's test key (platform/security)
        properties.putAll(TestTokens.serviceProperties());
        return properties;
    }

    static String textWebhook(String wamid, String text) {
        return textWebhook(wamid, text, CUSTOMER);
    }

    static String textWebhook(String wamid, String text, String customer) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"573150000000","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Camila Rojas"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}
                """.formatted(
                PHONE_NUMBER_ID, customer, customer, wamid, Instant.now().getEpochSecond(), text);
    }

    static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
