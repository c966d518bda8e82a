package co.wpfoods.webhook;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context shared by the integration tests that extend this class: a database of its own on the
 * shared embedded PostgreSQL, the shared KRaft broker, low per-user limits (5 a minute) so that limit tests need few
 * messages. Tests use unique wamids and numbers, so they do not see each other's records.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.webhook.ack-timeout=5s",
            "wpfoods.webhook.limits.per-minute=5",
            "wpfoods.webhook.limits.per-hour=1000",
            "wpfoods.webhook.limits.per-day=1000",
            "wpfoods.kafka.retry-attempts=1",
            "wpfoods.kafka.retry-initial-interval=50ms",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
            "spring.kafka.consumer.properties.topic.metadata.refresh.interval.ms=1000"
        })
public abstract class WebhookServiceSupport {

    private static String database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        synchronized (WebhookServiceSupport.class) {
            if (database == null) {
                database = PostgresServer.shared().createDatabase("webhook_service_it");
            }
        }
        registry.add("spring.datasource.url", () -> PostgresServer.shared().jdbcUrl(database));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        registry.add(
                "spring.kafka.bootstrap-servers", () -> KafkaServer.shared().bootstrapServers());
    }

    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    protected HttpResponse<String> post(byte[] body) {
        return post(body, "application/json");
    }

    protected HttpResponse<String> post(byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", contentType)
                .header("X-Request-Id", "req-" + System.nanoTime())
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static KafkaTestConsumer consumer(String... topics) {
        return new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), topics);
    }

    protected static SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        return AvroSerde.standard().decode(record.value());
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaTestConsumer.header(record, name);
    }

    protected static String eventId(ConsumerRecord<?, ?> record) {
        return header(record, Headers.EVENT_ID);
    }

    /** Records whose value mentions {@code marker} (a unique wamid or number) in its rawJson or fields. */
    protected static List<ConsumerRecord<String, byte[]>> matching(
            List<ConsumerRecord<String, byte[]>> records, String marker) {
        return records.stream()
                .filter(r -> decode(r).toString().contains(marker))
                .toList();
    }

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() % 10_000_000L * 100);

    /** A Colombian-looking number no other test uses. */
    protected static String uniqueNumber() {
        return "57" + String.format("%010d", NUMBERS.incrementAndGet() % 10_000_000_000L);
    }

    protected static String unique(String prefix) {
        return prefix + Long.toHexString(System.nanoTime());
    }
}
