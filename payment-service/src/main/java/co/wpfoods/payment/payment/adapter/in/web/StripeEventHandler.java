package co.wpfoods.payment.payment.adapter.in.web;

import co.wpfoods.payment.payment.application.Payments;
import co.wpfoods.payment.payment.application.RefundingPayments;
import co.wpfoods.payment.payment.application.SettlingPayments;
import co.wpfoods.payment.payment.domain.FailureReason;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.StripeAmounts;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What a Stripe event means for our payments, decided from the state of the object it carries (events come more
 * than once and in any order): a paid session or a succeeded payment intent completes the payment, whichever comes
 * first; an expired session or a failed asynchronous payment fails it (unless it was paid); a declined attempt only
 * tells the customer to try again; refund events settle our refunds or record one made at Stripe. Only ids, states
 * and amounts are read: nothing else of the event is kept or logged.
 */
@Component
class StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);

    private final Payments payments;
    private final SettlingPayments settling;
    private final RefundingPayments refunding;

    StripeEventHandler(Payments payments, SettlingPayments settling, RefundingPayments refunding) {
        this.payments = payments;
        this.settling = settling;
        this.refunding = refunding;
    }

    void handle(String type, JsonNode object) {
        switch (type) {
            case "checkout.session.completed" ->
                session(object).ifPresent(id -> {
                    String intent = text(object, "payment_intent");
                    String status = text(object, "payment_status");
                    if ("paid".equals(status) || "no_payment_required".equals(status)) {
                        settling.cardPaid(id, intent);
                    } else if (intent != null) {
                        // asynchronous method: the money comes (or not) with async_payment_succeeded / _failed
                        payments.rememberPaymentIntent(id, intent);
                    }
                });
            case "checkout.session.async_payment_succeeded" ->
                session(object).ifPresent(id -> settling.cardPaid(id, text(object, "payment_intent")));
            case "checkout.session.async_payment_failed" ->
                session(object).ifPresent(id -> settling.cardFailed(id, FailureReason.DECLINED, "payment failed"));
            case "checkout.session.expired" ->
                session(object).ifPresent(id -> settling.cardFailed(id, FailureReason.EXPIRED, "checkout expired"));
            case "payment_intent.succeeded" ->
                intent(object).ifPresent(id -> settling.cardPaid(id, text(object, "id")));
            case "payment_intent.payment_failed" -> intent(object).ifPresent(settling::cardDeclined);
            case "refund.created", "refund.updated", "refund.failed" ->
                refunding.providerRefund(
                        text(object, "id"),
                        text(object, "payment_intent"),
                        StripeAmounts.fromMinor(object.path("amount").asLong(0)),
                        text(object, "status"),
                        text(object.path("metadata"), "refund_id"));
            // the refund.* events carry each refund's state; the charge's own events add nothing we use
            case "charge.succeeded", "charge.refunded", "charge.updated", "payment_intent.created" ->
                log.debug("Stripe event {} needs nothing", type);
            default -> log.info("Stripe event type {} is not one payment-service uses; acknowledged", type);
        }
    }

    /** The payment of a checkout session: by our metadata, else by the session id. */
    private Optional<PaymentId> session(JsonNode session) {
        return byMetadata(session)
                .or(() -> Optional.ofNullable(text(session, "id")).flatMap(payments::idByCheckoutSession))
                .or(() -> unknown("checkout session", text(session, "id")));
    }

    /** The payment of a payment intent: by our metadata, else by the intent id. */
    private Optional<PaymentId> intent(JsonNode intent) {
        return byMetadata(intent)
                .or(() -> Optional.ofNullable(text(intent, "id")).flatMap(payments::idByPaymentIntent))
                .or(() -> unknown("payment intent", text(intent, "id")));
    }

    private Optional<PaymentId> byMetadata(JsonNode object) {
        return Optional.ofNullable(text(object.path("metadata"), "payment_id"))
                .map(PaymentId::new)
                .filter(id -> payments.find(id).isPresent());
    }

    private static Optional<PaymentId> unknown(String what, String id) {
        log.info("Stripe {} {} belongs to no payment of ours; acknowledged", what, id);
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
