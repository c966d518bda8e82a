package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.FailureReason;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card payment's deadline passed. Its checkout page is closed at the provider first; if the customer paid in the
 * meantime the payment stands (the race Stripe documents), otherwise it fails as EXPIRED, the customer is told and
 * order-service cancels the order. A payment already called off by a cancelled order only has its page closed.
 */
@Service
public class ExpiringPayments {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExpiringPayments.class);

    private final Payments payments;
    private final CardProvider cards;
    private final RecordingChanges recording;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ExpiringPayments(
            Payments payments,
            CardProvider cards,
            RecordingChanges recording,
            TransactionTemplate transaction,
            ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.cards = cards;
        this.recording = recording;
        this.transaction = transaction;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void expire(PaymentId paymentId) {
        Payment payment = payments.find(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
        boolean open = payment.status().open();
        if (!open && payment.status() != PaymentStatus.CANCELLED) {
            return;
        }
        if (payment.checkout() != null) {
            CardProvider.ExpireOutcome outcome;
            try {
                outcome = cards.expireCheckout(payment.checkout().sessionId());
            } catch (CardProviderException e) {
                if (e.retryable()) {
                    throw e;
                }
                // the provider refuses for good (e.g. the session is gone): nothing can be paid there any more
                log.warn("Could not expire checkout of payment {}: {}", paymentId.value(), e.getMessage());
                outcome = new CardProvider.ExpireOutcome.Expired();
            }
            if (outcome instanceof CardProvider.ExpireOutcome.AlreadyPaid paid) {
                transaction.executeWithoutResult(status -> {
                    Payment locked = payments.lock(paymentId).orElseThrow();
                    Instant now = clock.instant();
                    recording.record(locked.complete(paid.paymentIntentId(), now), now);
                });
                return;
            }
        }
        if (!open) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Payment locked = payments.lock(paymentId).orElseThrow();
            Instant now = clock.instant();
            recording.record(locked.fail(FailureReason.EXPIRED, "not paid in time", now), now);
        });
    }
}
