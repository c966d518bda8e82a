package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.OrderDetails;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order was placed: its payment is created. Cash is requested at once and the order goes on; a card payment gets
 * its checkout opened by a task (the provider is called outside this transaction, retried until it answers) and a
 * deadline after which it fails.
 */
@Service
public class TakingPayments {

    static final String CASH_PROVIDER = "cash";

    private final Payments payments;
    private final RecordingChanges recording;
    private final PaymentTasks tasks;
    private final CardProvider cards;
    private final PaymentSettings settings;
    private final Clock clock;

    public TakingPayments(
            Payments payments,
            RecordingChanges recording,
            PaymentTasks tasks,
            CardProvider cards,
            PaymentSettings settings,
            ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.recording = recording;
        this.tasks = tasks;
        this.cards = cards;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Creates the payment of an order once; a second notice of the same order changes nothing. */
    @Transactional
    public Payment orderPlaced(OrderDetails order, PaymentMethod method) {
        var existing = payments.byOrder(order.orderId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        if (method == PaymentMethod.CASH) {
            var placed = Payment.place(PaymentId.newId(), order, method, CASH_PROVIDER, null, now);
            payments.add(placed.payment());
            return recording.record(placed, now);
        }
        Instant deadline = now.plus(settings.paymentTimeout());
        var placed = Payment.place(PaymentId.newId(), order, method, cards.name(), deadline, now);
        payments.add(placed.payment());
        if (order.total().compareTo(settings.minimumCard()) < 0) {
            return recording.record(
                    placed.payment()
                            .fail(
                                    co.wpfoods.payment.payment.domain.FailureReason.OTHER,
                                    "below the card minimum of "
                                            + settings.minimumCard().value() + " COP",
                                    now),
                    now);
        }
        tasks.openCheckout(placed.payment().id());
        tasks.expireAt(placed.payment().id(), deadline);
        return placed.payment();
    }
}
