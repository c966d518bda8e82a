package co.wpfoods.webhook.adapter.in.web;

import co.wpfoods.webhook.application.ParsedWebhook;
import co.wpfoods.webhook.application.RawWebhook;
import co.wpfoods.webhook.application.ReceivingWebhook;
import co.wpfoods.webhook.application.WebhookMetrics;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/whatsapp}, behind the gateway (which checked the signature, size and content type and
 * forwards the exact bytes). 200 once every record is on Kafka; 400 with a reason for a body that is not a JSON
 * object; 503 when Kafka or the database did not make it durable in time, so that Meta retries.
 */
@RestController
public class WhatsAppWebhookController {

    public static final String PATH = "/webhooks/whatsapp";

    private final MetaEnvelopeParser parser;
    private final ReceivingWebhook receiving;
    private final WebhookMetrics metrics;

    public WhatsAppWebhookController(MetaEnvelopeParser parser, ReceivingWebhook receiving, WebhookMetrics metrics) {
        this.parser = parser;
        this.receiving = receiving;
        this.metrics = metrics;
    }

    @PostMapping(path = PATH)
    public ResponseEntity<?> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        metrics.received();
        Instant receivedAt = Instant.now();
        ParsedWebhook parsed;
        try {
            parsed = parser.parse(body, receivedAt);
        } catch (MalformedWebhookException e) {
            metrics.rejected(e.reason());
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", e.reason()));
        }
        var raw = new RawWebhook(body, receivedAt, requestId, signature, traceparent);
        return switch (receiving.receive(parsed, raw)) {
            case ACCEPTED -> ResponseEntity.ok().build();
            case UNAVAILABLE ->
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        };
    }
}
