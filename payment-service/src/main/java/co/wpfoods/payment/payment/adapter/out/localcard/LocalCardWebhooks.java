package co.wpfoods.payment.payment.adapter.out.localcard;

import com.stripe.net.Webhook;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers the local provider's events as Stripe does: a JSON event signed with stripe-java's signer
 * ({@code Stripe-Signature: t=…,v1=…}) POSTed to the webhook URL, retried by a persistent task until the platform
 * answers 2xx.
 */
public class LocalCardWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RestClient http;
    private final String webhookUrl;
    private final String secret;
    private final Consumer<String> scheduleDelivery;
    private final Clock clock;

    public LocalCardWebhooks(
            JdbcClient jdbc,
            RestClient http,
            String webhookUrl,
            String secret,
            Consumer<String> scheduleDelivery,
            Clock clock) {
        this.jdbc = jdbc;
        this.http = http;
        this.webhookUrl = webhookUrl;
        this.secret = secret;
        this.scheduleDelivery = scheduleDelivery;
        this.clock = clock;
    }

    /** Stores the event and schedules its delivery, in the caller's transaction. */
    void enqueue(String type, ObjectNode object) {
        String id = "evt_local_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode event = JSON.createObjectNode();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", com.stripe.Stripe.API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        event.put("livemode", false);
        event.put("type", type);
        event.putObject("data").set("object", object);
        event.put("pending_webhooks", 1);
        jdbc.sql("INSERT INTO local_card_event (id, type, payload, created_at) VALUES (:id, :type, :payload, :now)")
                .param("id", id)
                .param("type", type)
                .param("payload", JSON.writeValueAsString(event))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        scheduleDelivery.accept(id);
    }

    /** Runs as a task: signs and posts the event; a non-2xx answer or no answer throws, so the task retries. */
    public void deliver(String eventId) {
        var payload = jdbc.sql("SELECT payload FROM local_card_event WHERE id = :id AND delivered_at IS NULL")
                .param("id", eventId)
                .query(String.class)
                .optional();
        if (payload.isEmpty()) {
            return;
        }
        String signature;
        try {
            signature = Webhook.Signature.generateSignatureHeader(payload.get(), secret);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a local card event", e);
        }
        http.post()
                .uri(webhookUrl)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature)
                .body(payload.get())
                .retrieve()
                .toBodilessEntity();
        jdbc.sql("UPDATE local_card_event SET delivered_at = now() WHERE id = :id")
                .param("id", eventId)
                .update();
    }
}
