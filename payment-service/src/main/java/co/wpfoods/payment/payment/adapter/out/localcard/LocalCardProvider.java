package co.wpfoods.payment.payment.adapter.out.localcard;

import co.wpfoods.payment.payment.application.CardProvider;
import co.wpfoods.payment.payment.application.CardProviderException;
import co.wpfoods.payment.payment.application.LocalCheckouts;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.StripeAmounts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The card provider when no Stripe key is set (the default, and local runs): checkout sessions kept in
 * payment-service's own database under their own tables, a page where a click pays, declines or lets the payment
 * expire, and Stripe-shaped events signed like Stripe's and delivered to the webhook URL (through the gateway in a
 * local run) by a persistent task. It behaves as Stripe does where payment-service relies on it: amounts in centavos,
 * idempotency keys (same key and parameters → the same session; other parameters → refused), expiry that reports a
 * session paid meanwhile, refunds bounded by what was paid.
 */
public class LocalCardProvider implements CardProvider, LocalCheckouts {

    public static final String NAME = "local-card";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final LocalCardWebhooks webhooks;
    private final String publicBaseUrl;
    private final Clock clock;

    public LocalCardProvider(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            LocalCardWebhooks webhooks,
            String publicBaseUrl,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.webhooks = webhooks;
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    public LocalCardWebhooks webhooks() {
        return webhooks;
    }

    @Override
    public OpenedCheckout openCheckout(CheckoutRequest request) {
        long minor = StripeAmounts.toMinor(request.amount());
        return transaction.execute(status -> {
            var existing = jdbc.sql("SELECT * FROM local_card_session WHERE idempotency_key = :key")
                    .param("key", request.idempotencyKey())
                    .query(LocalCardProvider::session)
                    .optional();
            if (existing.isPresent()) {
                LocalSession s = existing.get();
                if (s.amountMinor() != minor || !s.expiresAt().equals(request.expiresAt())) {
                    throw new CardProviderException("idempotency_error: key reused with other parameters", false, null);
                }
                return opened(s);
            }
            String id = "cs_local_" + UUID.randomUUID().toString().replace("-", "");
            jdbc.sql("""
                            INSERT INTO local_card_session (id, payment_intent_id, idempotency_key, payment_id, order_id,
                                description, amount_minor, currency, status, payment_status, expires_at, created_at)
                            VALUES (:id, :pi, :key, :paymentId, :orderId, :description, :amount, 'cop', 'open', 'unpaid',
                                :expiresAt, :now)
                            """)
                    .param("id", id)
                    .param("pi", "pi_local_" + UUID.randomUUID().toString().replace("-", ""))
                    .param("key", request.idempotencyKey())
                    .param("paymentId", request.paymentId())
                    .param("orderId", request.orderId())
                    .param("description", request.description())
                    .param("amount", minor)
                    .param("expiresAt", Timestamp.from(request.expiresAt()))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return opened(find(id).orElseThrow());
        });
    }

    @Override
    public ExpireOutcome expireCheckout(String sessionId) {
        return transaction.execute(status -> {
            LocalSession s = lock(sessionId)
                    .orElseThrow(() -> new CardProviderException(
                            "resource_missing: no checkout session " + sessionId, false, null));
            if ("complete".equals(s.status())) {
                return new ExpireOutcome.AlreadyPaid(s.paymentIntentId());
            }
            if ("open".equals(s.status())) {
                setStatus(s, "expired", "unpaid");
                webhooks.enqueue(
                        "checkout.session.expired",
                        sessionObject(find(sessionId).orElseThrow()));
            }
            return new ExpireOutcome.Expired();
        });
    }

    @Override
    public RefundOutcome refund(
            String paymentIntentId, Cop amount, String idempotencyKey, Map<String, String> metadata) {
        long minor = StripeAmounts.toMinor(amount);
        return transaction.execute(status -> {
            var earlier = jdbc.sql("SELECT id FROM local_card_refund WHERE idempotency_key = :key")
                    .param("key", idempotencyKey)
                    .query(String.class)
                    .optional();
            if (earlier.isPresent()) {
                return new RefundOutcome.Succeeded(earlier.get());
            }
            LocalSession s = jdbc.sql("SELECT * FROM local_card_session WHERE payment_intent_id = :pi FOR UPDATE")
                    .param("pi", paymentIntentId)
                    .query(LocalCardProvider::session)
                    .optional()
                    .orElseThrow(() -> new CardProviderException(
                            "resource_missing: no payment intent " + paymentIntentId, false, null));
            if (!"paid".equals(s.paymentStatus()) || s.refundedMinor() + minor > s.amountMinor()) {
                throw new CardProviderException(
                        "charge_already_refunded or not paid: cannot refund " + minor + " of " + s.id(), false, null);
            }
            String id = "re_local_" + UUID.randomUUID().toString().replace("-", "");
            jdbc.sql("INSERT INTO local_card_refund (id, idempotency_key, session_id, amount_minor, created_at)"
                            + " VALUES (:id, :key, :session, :amount, :now)")
                    .param("id", id)
                    .param("key", idempotencyKey)
                    .param("session", s.id())
                    .param("amount", minor)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            jdbc.sql("UPDATE local_card_session SET refunded_minor = refunded_minor + :amount WHERE id = :id")
                    .param("amount", minor)
                    .param("id", s.id())
                    .update();
            return new RefundOutcome.Succeeded(id);
        });
    }

    @Override
    public List<ProviderPayment> payments(Instant from, Instant to) {
        return jdbc
                .sql("SELECT * FROM local_card_session WHERE created_at >= :from AND created_at < :to")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(LocalCardProvider::session)
                .list()
                .stream()
                .map(s -> new ProviderPayment(
                        s.id(),
                        s.paymentId(),
                        s.paymentIntentId(),
                        StripeAmounts.fromMinor(s.amountMinor()),
                        "paid".equals(s.paymentStatus()),
                        StripeAmounts.fromMinor(s.refundedMinor())))
                .toList();
    }

    @Override
    public Optional<LocalSession> find(String sessionId) {
        return jdbc.sql("SELECT * FROM local_card_session WHERE id = :id")
                .param("id", sessionId)
                .query(LocalCardProvider::session)
                .optional();
    }

    @Override
    public LocalSession choose(String sessionId, Choice choice) {
        return transaction.execute(status -> {
            LocalSession s = lock(sessionId).orElseThrow(() -> new UnknownSessionException(sessionId));
            if (!"open".equals(s.status()) || !clock.instant().isBefore(s.expiresAt())) {
                return s;
            }
            switch (choice) {
                case PAY -> {
                    setStatus(s, "complete", "paid");
                    webhooks.enqueue(
                            "checkout.session.completed",
                            sessionObject(find(sessionId).orElseThrow()));
                }
                case DECLINE -> webhooks.enqueue("payment_intent.payment_failed", declinedIntent(s));
                case EXPIRE -> {
                    setStatus(s, "expired", "unpaid");
                    webhooks.enqueue(
                            "checkout.session.expired",
                            sessionObject(find(sessionId).orElseThrow()));
                }
            }
            return find(sessionId).orElseThrow();
        });
    }

    /** The session was not found. */
    public static class UnknownSessionException extends RuntimeException {
        public UnknownSessionException(String id) {
            super("no checkout session " + id);
        }
    }

    private Optional<LocalSession> lock(String sessionId) {
        return jdbc.sql("SELECT * FROM local_card_session WHERE id = :id FOR UPDATE")
                .param("id", sessionId)
                .query(LocalCardProvider::session)
                .optional();
    }

    private void setStatus(LocalSession s, String status, String paymentStatus) {
        jdbc.sql("UPDATE local_card_session SET status = :status, payment_status = :ps WHERE id = :id")
                .param("status", status)
                .param("ps", paymentStatus)
                .param("id", s.id())
                .update();
    }

    private OpenedCheckout opened(LocalSession s) {
        return new OpenedCheckout(s.id(), publicBaseUrl + "/local-card/checkout/" + s.id(), s.expiresAt());
    }

    private static ObjectNode metadata(LocalSession s) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("payment_id", s.paymentId());
        metadata.put("order_id", s.orderId());
        return metadata;
    }

    private ObjectNode sessionObject(LocalSession s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("object", "checkout.session");
        o.put("mode", "payment");
        o.put("status", s.status());
        o.put("payment_status", s.paymentStatus());
        o.put("payment_intent", s.paymentIntentId());
        o.put("amount_total", s.amountMinor());
        o.put("currency", "cop");
        o.put("client_reference_id", s.orderId());
        o.put("created", s.createdAt().getEpochSecond());
        o.put("expires_at", s.expiresAt().getEpochSecond());
        o.putNull("url");
        o.set("metadata", metadata(s));
        return o;
    }

    private ObjectNode declinedIntent(LocalSession s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.paymentIntentId());
        o.put("object", "payment_intent");
        o.put("status", "requires_payment_method");
        o.put("amount", s.amountMinor());
        o.put("currency", "cop");
        o.set("metadata", metadata(s));
        ObjectNode error = o.putObject("last_payment_error");
        error.put("type", "card_error");
        error.put("code", "card_declined");
        error.put("decline_code", "generic_decline");
        error.put("message", "Your card was declined.");
        return o;
    }

    private static LocalSession session(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LocalSession(
                rs.getString("id"),
                rs.getString("payment_intent_id"),
                rs.getString("payment_id"),
                rs.getString("order_id"),
                rs.getString("description"),
                rs.getLong("amount_minor"),
                rs.getString("status"),
                rs.getString("payment_status"),
                rs.getLong("refunded_minor"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
