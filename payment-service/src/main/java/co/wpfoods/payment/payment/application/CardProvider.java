package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The card payment provider: Stripe Checkout, or the local card stand-in when no Stripe key is set. Calls are plain
 * (no hidden retries); a {@link CardProviderException} says whether trying again can help.
 */
public interface CardProvider {

    /** {@code stripe} or {@code local-card}; stored on each payment. */
    String name();

    /**
     * Opens a hosted checkout page. The same {@code idempotencyKey} with the same request opens one page only, however
     * often it is called.
     */
    OpenedCheckout openCheckout(CheckoutRequest request);

    /** Closes a checkout page so that it can no longer be paid; tells whether it had been paid meanwhile. */
    ExpireOutcome expireCheckout(String sessionId);

    /** Gives back {@code amount} of a paid payment. */
    RefundOutcome refund(String paymentIntentId, Cop amount, String idempotencyKey, Map<String, String> metadata);

    /** The provider's checkout sessions created in {@code [from, to)}, for reconciliation. */
    List<ProviderPayment> payments(Instant from, Instant to);

    record CheckoutRequest(
            String idempotencyKey,
            String paymentId,
            String orderId,
            String description,
            Cop amount,
            Instant expiresAt,
            Language language) {}

    record OpenedCheckout(String sessionId, String url, Instant expiresAt) {}

    sealed interface ExpireOutcome {
        record Expired() implements ExpireOutcome {}

        /** The customer paid before the page closed: the payment stands. */
        record AlreadyPaid(String paymentIntentId) implements ExpireOutcome {}
    }

    sealed interface RefundOutcome {
        String reference();

        record Succeeded(String reference) implements RefundOutcome {}

        /** Accepted; the provider's events say later whether it succeeded. */
        record Pending(String reference) implements RefundOutcome {}

        record Refused(String reference, String detail) implements RefundOutcome {}
    }

    /** A checkout session as the provider books it. */
    record ProviderPayment(
            String sessionId, String paymentId, String paymentIntentId, Cop amount, boolean paid, Cop refunded) {}
}
