package co.wpfoods.payment.payment.application;

import java.time.Instant;
import java.util.Optional;

/**
 * The checkout sessions of the local card provider (port), which stands in for Stripe when no key is set: the local
 * card page reads a session and applies the customer's click through it.
 */
public interface LocalCheckouts {

    /** A checkout session of the local provider, as Stripe would hold it (amounts in minor units). */
    record LocalSession(
            String id,
            String paymentIntentId,
            String paymentId,
            String orderId,
            String description,
            long amountMinor,
            String status,
            String paymentStatus,
            long refundedMinor,
            Instant expiresAt,
            Instant createdAt) {}

    /** What the customer chose on the page. */
    enum Choice {
        PAY,
        DECLINE,
        EXPIRE
    }

    /** The session was not found. */
    class UnknownSessionException extends RuntimeException {
        public UnknownSessionException(String id) {
            super("no checkout session " + id);
        }
    }

    Optional<LocalSession> find(String sessionId);

    /**
     * Applies the customer's click and queues the event Stripe would send; returns the session afterwards. A session
     * that is no longer open (or past its expiry) changes nothing.
     */
    LocalSession choose(String sessionId, Choice choice);
}
