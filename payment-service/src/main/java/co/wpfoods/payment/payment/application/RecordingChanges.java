package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.LedgerEntry;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Stores what a payment operation did, inside the caller's transaction: the payment, its ledger entries, its events
 * (outbox) and what the customer is told. A payment taken for a cancelled order is refunded from here, so no path can
 * forget it.
 */
@Component
public class RecordingChanges {

    private final Payments payments;
    private final LedgerBook ledger;
    private final PaymentEvents events;
    private final CustomerNotices notices;
    private final IssuingReceipts receipts;
    private final RequestingRefunds refunds;

    public RecordingChanges(
            Payments payments,
            LedgerBook ledger,
            PaymentEvents events,
            CustomerNotices notices,
            IssuingReceipts receipts,
            RequestingRefunds refunds) {
        this.payments = payments;
        this.ledger = ledger;
        this.events = events;
        this.notices = notices;
        this.receipts = receipts;
        this.refunds = refunds;
    }

    public Payment record(Payment.Change change, Instant now) {
        payments.update(change.payment());
        for (PaymentEvent event : change.events()) {
            LedgerEntry.of(event).forEach(ledger::append);
            events.publish(event);
            switch (event) {
                case PaymentEvent.Requested requested -> {
                    if (requested.payment().checkout() != null) {
                        notices.payByCard(requested.payment());
                    }
                }
                case PaymentEvent.Completed completed -> {
                    if (!completed.payment().orderCancelled()) {
                        notices.paid(completed.payment(), receipts.issue(completed.payment(), now));
                    }
                }
                case PaymentEvent.Failed failed -> notices.paymentFailed(failed.payment());
                case PaymentEvent.Refunded refunded -> notices.refunded(refunded.payment(), refunded.amount());
            }
        }
        Payment payment = change.payment();
        if (payment.owesRefund()) {
            return refunds.reserve(payment, payment.refundable(), RequestingRefunds.ORDER_CANCELLED, "system", now);
        }
        return payment;
    }
}
