package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.FailureReason;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the provider's checkout page of a card payment and sends the customer the link. The idempotency key is the
 * order's and every parameter derives from the stored payment, so a retry after a timeout or a crash gets the same
 * page back instead of a second one.
 */
@Service
public class OpeningCheckouts {

    private static final Logger log = LoggerFactory.getLogger(OpeningCheckouts.class);

    private final Payments payments;
    private final CardProvider cards;
    private final RecordingChanges recording;
    private final PaymentSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OpeningCheckouts(
            Payments payments,
            CardProvider cards,
            RecordingChanges recording,
            PaymentSettings settings,
            TransactionTemplate transaction,
            ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.cards = cards;
        this.recording = recording;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public static String idempotencyKey(Payment payment) {
        return "wpfoods-checkout-" + payment.order().orderId().value();
    }

    /** Runs as a task; throws a retryable {@link CardProviderException} to be tried again later. */
    public void open(PaymentId paymentId) {
        Payment payment = payments.find(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
        if (payment.status() != PaymentStatus.PENDING) {
            return;
        }
        var request = new CardProvider.CheckoutRequest(
                idempotencyKey(payment),
                payment.id().value(),
                payment.order().orderId().value(),
                "WPFoods #" + payment.order().reference()
                        + (payment.order().restaurantName() == null
                                ? ""
                                : " · " + payment.order().restaurantName()),
                payment.amount(),
                payment.createdAt().plus(settings.checkoutLifetime()),
                payment.order().customer().language());
        CardProvider.OpenedCheckout opened;
        try {
            opened = cards.openCheckout(request);
        } catch (CardProviderException e) {
            if (e.retryable()) {
                throw e;
            }
            log.warn("Checkout for payment {} refused by {}: {}", paymentId.value(), cards.name(), e.getMessage());
            transaction.executeWithoutResult(status -> {
                Payment locked = payments.lock(paymentId).orElseThrow();
                Instant now = clock.instant();
                recording.record(locked.fail(FailureReason.PROVIDER_ERROR, e.getMessage(), now), now);
            });
            return;
        }
        boolean stillWanted = Boolean.TRUE.equals(transaction.execute(status -> {
            Payment locked = payments.lock(paymentId).orElseThrow();
            Instant now = clock.instant();
            var change = locked.checkoutOpened(
                    new Payment.Checkout(opened.sessionId(), opened.url(), opened.expiresAt()), now);
            recording.record(change, now);
            return !change.events().isEmpty() || locked.status() == PaymentStatus.PROCESSING;
        }));
        if (!stillWanted) {
            // cancelled or failed while the page was being opened: nobody may pay it now
            cards.expireCheckout(opened.sessionId());
        }
    }
}
