package co.wpfoods.webhook;

import static co.wpfoods.webhook.WebhookFixtures.messagesEnvelope;
import static co.wpfoods.webhook.WebhookFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service reaches its own broker only through a TCP relay the test cuts ("Kafka down") and restores ("Kafka
 * back"): the broker advertises the relay's port, so every client connection goes through it. Acks wait 2 s.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.webhook.ack-timeout=2s",
            "wpfoods.webhook.limits.enabled=false",
            "wpfoods.outbox.enabled=false",
            "spring.kafka.listener.auto-startup=false"
        })
class KafkaOutageIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static TcpProxy relay;
    static EmbeddedKafkaKraftBroker broker;
    static String database;

    @DynamicPropertySource
    static synchronized void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        if (broker == null) {
            relay = new TcpProxy();
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of(
                    "advertised.listeners", "EXTERNAL://localhost:" + relay.port(),
                    "auto.create.topics.enable", "false",
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            String real = broker.getBrokersAsString();
            relay.forwardTo(Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
            database = PostgresServer.shared().createDatabase("webhook_kafka_outage_it");
        }
        registry.add("spring.datasource.url", () -> PostgresServer.shared().jdbcUrl(database));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + relay.port());
    }

    @AfterAll
    static void stopBroker() {
        relay.close();
        broker.destroy();
    }

    @LocalServerPort
    int port;

    @Test
    void answers_503_in_bounded_time_while_kafka_is_unreachable_and_publishes_each_message_once_when_meta_retries() {
        String from = "573001112233";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> post(messagesEnvelope(from, List.of(text("wamid.OUTAGE_WARMUP", from, "hola")))) == 200);

        relay.cut();
        byte[] delivery = messagesEnvelope(
                from, List.of(text("wamid.OUTAGE_M1", from, "uno"), text("wamid.OUTAGE_M2", from, "dos")));
        long started = System.nanoTime();
        int whileDown = post(delivery);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int retryWhileDown = post(delivery);

        assertThat(whileDown).isEqualTo(503);
        assertThat(took).as("bounded by the 2 s ack timeout").isLessThan(Duration.ofMillis(3_500));
        assertThat(retryWhileDown).as("Meta's immediate retry, still down").isEqualTo(503);

        relay.restore();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> post(delivery) == 200);
        assertThat(post(delivery)).as("a later duplicate").isEqualTo(200);

        try (var consumer = new KafkaTestConsumer("localhost:" + relay.port(), Topics.WhatsApp.INBOUND_CUSTOMER)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> messageIds(consumer).containsAll(List.of("wamid.OUTAGE_M1", "wamid.OUTAGE_M2")));
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(messageIds(consumer))
                    .containsExactlyInAnyOrder("wamid.OUTAGE_WARMUP", "wamid.OUTAGE_M1", "wamid.OUTAGE_M2");
        }
    }

    static List<String> messageIds(KafkaTestConsumer consumer) {
        return consumer.poll().stream()
                .map(r -> AvroSerde.standard()
                        .decode(r.value(), InboundMessage.class)
                        .getMessageId())
                .toList();
    }

    int post(byte[] body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
