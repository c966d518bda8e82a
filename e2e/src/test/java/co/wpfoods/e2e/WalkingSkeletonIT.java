package co.wpfoods.e2e;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thinnest real path through every layer: a signed webhook POST to the gateway → webhook-service →
 * {@code wa.inbound.customer.v1} → order-service writes "Hola 👋" through its outbox → {@code wa.outbound.v1} →
 * messaging-service POSTs it to the Graph API — the WhatsApp simulator, which records every Graph request with its
 * headers and sends its status webhooks back through the gateway. Every service runs as its own process from its
 * jar, on a real embedded PostgreSQL and a real KRaft broker.
 */
class WalkingSkeletonIT {

    static final String APP_SECRET = "e2e-app-secret";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String CUSTOMER = "573001234567";

    static final String ACCESS_TOKEN = "e2e-access-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<ServiceProcess> services = new java.util.ArrayList<>();
    static ServiceProcess gateway;
    static ServiceProcess simulator;

    @BeforeAll
    static void startPlatform() {
        PostgresServer postgres = PostgresServer.shared();
        String kafka = KafkaServer.shared().bootstrapServers();
        int webhookPort = ServiceProcess.freePort();
        int gatewayPort = ServiceProcess.freePort();

        simulator = start(
                "whatsapp-simulator",
                ServiceProcess.freePort(),
                Map.of(
                        "simulator.access-token",
                        ACCESS_TOKEN,
                        "simulator.phone-number-id",
                        PHONE_NUMBER_ID,
                        "simulator.webhook.url",
                        "http://localhost:" + gatewayPort + "/webhooks/whatsapp",
                        "simulator.webhook.app-secret",
                        APP_SECRET,
                        // the customers here write to the gateway directly, so the simulator never saw them open a
                        // window
                        "simulator.enforcement.window",
                        "false"));
        services.add(simulator);

        services.add(start("webhook-service", webhookPort, database(postgres, "e2e_webhook", kafka)));
        services.add(start("order-service", ServiceProcess.freePort(), database(postgres, "e2e_order", kafka)));
        Map<String, String> messaging = database(postgres, "e2e_messaging", kafka);
        messaging.put("wpfoods.messaging.graph.base-url", simulator.url(""));
        messaging.put("wpfoods.messaging.graph.phone-number-id", PHONE_NUMBER_ID);
        messaging.put("wpfoods.messaging.graph.access-token", ACCESS_TOKEN);
        // the Graph call's own log line (with its trace and span ids) is a debug line
        messaging.put("logging.level.co.wpfoods.messaging.sending.adapter.out.graph", "DEBUG");
        services.add(start("messaging-service", ServiceProcess.freePort(), messaging));
        gateway = start(
                "gateway",
                gatewayPort,
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

        JsonNode request = await().atMost(Duration.ofMinutes(2))
                .until(() -> graphRequestsTo(CUSTOMER), requests -> !requests.isEmpty())
                .get(0);
        assertThat(request.get("path").stringValue()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        // the simulator masks the token it records: its scheme and last four characters
        assertThat(request.at("/headers/authorization").stringValue()).isEqualTo("Bearer …oken");
        JsonNode body = JSON.readTree(request.get("body").stringValue());
        assertThat(body.get("to").stringValue()).isEqualTo("+" + CUSTOMER);
        assertThat(body.get("biz_opaque_callback_data").stringValue()).isNotBlank();
        await().during(Duration.ofSeconds(2))
                .until(() -> graphRequestsTo(CUSTOMER).size() == 1);
    }

    /** The Graph API message sends the simulator received for {@code waId}, oldest first. */
    static List<JsonNode> graphRequestsTo(String waId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        simulator.url("/sim/api/graph/requests?contains=%22%2B" + waId + "%22")))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> requests = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(requests::add);
        return requests;
    }

    /** A service from its jar, its output in {@code e2e/target/e2e-logs/<module>.log}. */
    static ServiceProcess start(String module, int port, Map<String, String> properties) {
        Path root = Repository.root();
        return ServiceProcess.start(
                ServiceProcess.Launch.ofJar(root, module, port, properties, root.resolve("e2e/target/e2e-logs")));
    }

    /**
     * A tracing proxy in front of the gateway sent a {@code traceparent}: the gateway's forward, webhook-service's
     * receipt, order-service's handling of the message and messaging-service's Graph API call are spans of that one
     * trace, so the inbound record on Kafka, the reply command order-service wrote through its outbox and the Graph
     * request the simulator received carry its trace id, each with a span id of its own hop; messaging-service's log
     * line of that call carries the trace id and the span id it sent.
     */
    @Test
    void one_trace_id_follows_a_customer_message_from_the_gateway_through_kafka_to_the_graph_api_request()
            throws Exception {
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

            JsonNode request = await().atMost(Duration.ofMinutes(2))
                    .until(() -> graphRequestsTo(customer), requests -> !requests.isEmpty())
                    .get(0);
            String sent = request.at("/headers/traceparent").stringValue();
            assertThat(sent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
            String graphSpan = sent.substring(36, 52);
            assertThat(graphSpan).isNotIn(callerSpan, received.substring(36, 52), replied.substring(36, 52));

            Path messagingLog = Repository.root().resolve("e2e/target/e2e-logs/messaging-service.log");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readAllLines(messagingLog).stream()
                            .anyMatch(line ->
                                    line.contains("Graph send") && line.contains(traceId) && line.contains(graphSpan)));
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
