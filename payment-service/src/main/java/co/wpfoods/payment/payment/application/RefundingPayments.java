package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Payment;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the provider for a stored refund (a task: retried while the provider is unreachable, with the refund's id as
 * idempotency key so a retry never refunds twice) and settles it from the answer or, when the provider answers
 * "pending", from its later events.
 */
@Service
public class RefundingPayments {

    private final RefundRequests refunds;
    private final Payments payments;
    private final CardProvider cards;
    private final RecordingChanges recording;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RefundingPayments(
            RefundRequests refunds,
            Payments payments,
            CardProvider cards,
            RecordingChanges recording,
            TransactionTemplate transaction,
            ObjectProvider<Clock> clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.cards = cards;
        this.recording = recording;
        this.transaction = transaction;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void execute(String refundId) {
        RefundRecord refund = refunds.find(refundId).orElseThrow();
        if (refund.status() != RefundRecord.Status.REQUESTED) {
            return;
        }
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        CardProvider.RefundOutcome outcome;
        try {
            outcome = cards.refund(
                    payment.paymentIntentId(),
                    refund.amount(),
                    "wpfoods-refund-" + refund.id(),
                    Map.of(
                            "refund_id", refund.id(),
                            "payment_id", payment.id().value(),
                            "order_id", payment.order().orderId().value()));
        } catch (CardProviderException e) {
            if (e.retryable()) {
                throw e;
            }
            outcome = new CardProvider.RefundOutcome.Refused(null, e.getMessage());
        }
        var answer = outcome;
        transaction.executeWithoutResult(status -> {
            RefundRecord locked = refunds.lock(refundId).orElseThrow();
            if (locked.status() != RefundRecord.Status.REQUESTED) {
                return;
            }
            switch (answer) {
                case CardProvider.RefundOutcome.Succeeded s -> succeed(locked, s.reference());
                case CardProvider.RefundOutcome.Pending p -> refunds.update(locked.submitted(p.reference()));
                case CardProvider.RefundOutcome.Refused r -> fail(locked, r.reference(), r.detail());
            }
        });
    }

    /**
     * The provider's event about a refund: settles one we asked for, or records one made at the provider directly.
     * {@code status} is Stripe's: succeeded, pending, requires_action, failed, canceled.
     */
    @Transactional
    public void providerRefund(
            String reference, String paymentIntentId, Cop amount, String status, String refundIdFromMetadata) {
        var ours = refunds.lockByProviderReference(reference)
                .or(() ->
                        refundIdFromMetadata == null ? java.util.Optional.empty() : refunds.lock(refundIdFromMetadata));
        if (ours.isPresent()) {
            RefundRecord refund = ours.get();
            if (refund.settled()) {
                return;
            }
            switch (status) {
                case "succeeded" -> succeed(refund, reference);
                case "failed", "canceled" -> fail(refund, reference, "refund " + status + " at the provider");
                default -> {
                    if (refund.status() == RefundRecord.Status.REQUESTED) {
                        refunds.update(refund.submitted(reference));
                    }
                }
            }
            return;
        }
        if (!"succeeded".equals(status) || paymentIntentId == null) {
            return;
        }
        payments.idByPaymentIntent(paymentIntentId).flatMap(payments::lock).ifPresent(payment -> {
            Instant now = clock.instant();
            var change = payment.complete(paymentIntentId, now);
            Payment paid = recording.record(change, now);
            recording.record(paid.refundedAtProvider(amount, "refunded at the provider", reference, now), now);
        });
    }

    private void succeed(RefundRecord refund, String reference) {
        Instant now = clock.instant();
        refunds.update(refund.succeeded(reference, now));
        Payment payment = payments.lock(refund.paymentId()).orElseThrow();
        recording.record(payment.refundSucceeded(refund.amount(), refund.reason(), reference, now), now);
    }

    private void fail(RefundRecord refund, String reference, String detail) {
        Instant now = clock.instant();
        refunds.update(refund.failed(reference, detail, now));
        Payment payment = payments.lock(refund.paymentId()).orElseThrow();
        payments.update(payment.refundFailed(refund.amount()));
    }
}
