package co.wpfoods.payment.payment.adapter.in.web;

import co.wpfoods.eventing.inbox.Inbox;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook (through the gateway's {@code /api/payments/webhooks/**} route). The signature is checked with
 * stripe-java's verifier against the raw bytes, with each configured secret in turn (rotation) and the timestamp
 * tolerance; a bad or stale signature is refused before anything is recorded. Each event id is processed once (inbox,
 * in the transaction of the effect) and the answer is 2xx only after that transaction committed, so Stripe retries
 * whatever did not become durable.
 */
@RestController
class StripeWebhookController {

    static final String CONSUMER = "payment-service.stripe-webhooks";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> secrets;
    private final long toleranceSeconds;
    private final Inbox inbox;
    private final StripeEventHandler handler;

    StripeWebhookController(StripeWebhookSettings settings, Inbox inbox, StripeEventHandler handler) {
        this.secrets = settings.secrets();
        this.toleranceSeconds = settings.tolerance().toSeconds();
        this.inbox = inbox;
        this.handler = handler;
    }

    @PostMapping(path = "/api/payments/webhooks/stripe")
    ResponseEntity<?> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (body == null || body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "empty body");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        if (signature == null || signature.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "missing Stripe-Signature header");
        }
        if (!verified(payload, signature)) {
            return problem(HttpStatus.BAD_REQUEST, "invalid or stale Stripe-Signature");
        }
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "body is not JSON");
        }
        String id = event.path("id").asString(null);
        String type = event.path("type").asString(null);
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !object.isObject()) {
            return problem(HttpStatus.BAD_REQUEST, "not a Stripe event: id, type and data.object are required");
        }
        boolean processed = inbox.processOnce(CONSUMER, id, () -> handler.handle(type, object));
        if (!processed) {
            log.debug("Stripe event {} ({}) already processed", id, type);
        }
        return ResponseEntity.ok(Map.of("received", true, "duplicate", !processed));
    }

    private boolean verified(String payload, String signature) {
        for (String secret : secrets) {
            try {
                if (Webhook.Signature.verifyHeader(payload, signature, secret, toleranceSeconds)) {
                    return true;
                }
            } catch (SignatureVerificationException e) {
                // try the next secret (rotation); refused if none matches
            }
        }
        log.warn("Refused a Stripe webhook: signature matches no configured secret or is outside the tolerance");
        return false;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
