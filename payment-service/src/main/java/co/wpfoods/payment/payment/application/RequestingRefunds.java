package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.InvalidPaymentException;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a refund: the amount is reserved on the payment (so two refunds can never give back more than was paid),
 * the refund is stored and a task asks the provider, all in one transaction.
 */
@Service
public class RequestingRefunds {

    public static final String ORDER_CANCELLED = "order cancelled";

    private final Payments payments;
    private final RefundRequests refunds;
    private final PaymentTasks tasks;
    private final Clock clock;

    public RequestingRefunds(
            Payments payments, RefundRequests refunds, PaymentTasks tasks, ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.tasks = tasks;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Ops: refund part of a card payment (e.g. an item that was missing). */
    @Transactional
    public RefundRecord request(PaymentId paymentId, Cop amount, String reason, String requestedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidPaymentException("a refund needs a reason");
        }
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
        return add(payment, amount, reason.strip(), requestedBy, clock.instant());
    }

    /** Reserves and asks for a refund of a payment the caller has locked; returns the payment as it is now. */
    Payment reserve(Payment payment, Cop amount, String reason, String requestedBy, Instant now) {
        add(payment, amount, reason, requestedBy, now);
        return payments.find(payment.id()).orElseThrow();
    }

    private RefundRecord add(Payment payment, Cop amount, String reason, String requestedBy, Instant now) {
        if (payment.method() != PaymentMethod.CARD) {
            throw new InvalidPaymentException(
                    "payment " + payment.id().value() + " was cash: cash is given back in person, not by the provider");
        }
        Payment reserved = payment.reserveRefund(amount);
        payments.update(reserved);
        var refund = RefundRecord.requested(payment.id(), payment.order().orderId(), amount, reason, requestedBy, now);
        refunds.add(refund);
        tasks.executeRefund(refund.id());
        return refund;
    }
}
