package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.Payment;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order was cancelled. A payment still waiting is called off and its checkout page closed at once (through the
 * expiry task, pulled forward); a paid one is refunded in full without anyone having to remember it.
 */
@Service
public class CancellingPayments {

    private final Payments payments;
    private final RecordingChanges recording;
    private final PaymentTasks tasks;
    private final Clock clock;

    public CancellingPayments(
            Payments payments, RecordingChanges recording, PaymentTasks tasks, ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.recording = recording;
        this.tasks = tasks;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public void orderCancelled(OrderId orderId) {
        payments.lockByOrder(orderId).ifPresent(payment -> {
            boolean wasOpen = payment.status().open();
            Instant now = clock.instant();
            Payment after = recording.record(payment.orderWasCancelled(), now);
            if (wasOpen && after.deadline() != null) {
                tasks.expireAt(after.id(), now);
            }
        });
    }
}
