package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.PaymentId;
import java.time.Instant;

/**
 * Work that must happen later or be retried until it succeeds, persisted with the caller's transaction so a crash
 * or a restart loses none of it, and run once across replicas.
 */
public interface PaymentTasks {

    /** Open the provider's checkout for a card payment (retried while the provider is unreachable). */
    void openCheckout(PaymentId paymentId);

    /** At {@code at}, fail the payment if it is still not paid (and expire its checkout). */
    void expireAt(PaymentId paymentId, Instant at);

    /** Ask the provider for a refund (retried while the provider is unreachable). */
    void executeRefund(String refundId);
}
