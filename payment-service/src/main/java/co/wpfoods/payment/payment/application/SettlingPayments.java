package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.FailureReason;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Money arrived or did not: card results from the provider's events, cash from the delivery. */
@Service
public class SettlingPayments {

    private final Payments payments;
    private final RecordingChanges recording;
    private final CustomerNotices notices;
    private final Clock clock;

    public SettlingPayments(
            Payments payments, RecordingChanges recording, CustomerNotices notices, ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.recording = recording;
        this.notices = notices;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public void cardPaid(PaymentId paymentId, String paymentIntentId) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
        Instant now = clock.instant();
        recording.record(payment.complete(paymentIntentId, now), now);
    }

    @Transactional
    public void cardFailed(PaymentId paymentId, FailureReason reason, String detail) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
        Instant now = clock.instant();
        recording.record(payment.fail(reason, detail, now), now);
    }

    /** A card was declined on the checkout page: the customer may try again with the same link until the deadline. */
    @Transactional
    public void cardDeclined(PaymentId paymentId) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
        if (payment.status().open()) {
            notices.cardDeclined(payment);
        }
    }

    /** The order was delivered: the worker collected the cash. */
    @Transactional
    public void orderDelivered(OrderId orderId) {
        payments.lockByOrder(orderId)
                .filter(p -> p.method() == PaymentMethod.CASH)
                .ifPresent(payment -> {
                    Instant now = clock.instant();
                    recording.record(payment.complete(null, now), now);
                });
    }
}
