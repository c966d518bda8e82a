package co.wpfoods.payment.payment.domain;

import co.wpfoods.payment.payment.domain.PaymentEvent.Completed;
import co.wpfoods.payment.payment.domain.PaymentEvent.Failed;
import co.wpfoods.payment.payment.domain.PaymentEvent.Refunded;
import co.wpfoods.payment.payment.domain.PaymentEvent.Requested;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The payment of one order. Methods return the payment as it is afterwards together with what happened; the caller
 * stores both in one transaction. Invariants: {@code refunded + refundPending ≤ captured ≤ amount}, so no order is
 * charged more than its total and no more goes back than came in.
 */
public record Payment(
        PaymentId id,
        OrderDetails order,
        PaymentMethod method,
        String provider,
        PaymentStatus status,
        Cop captured,
        Cop refunded,
        Cop refundPending,
        boolean orderCancelled,
        Checkout checkout,
        String paymentIntentId,
        FailureReason failureReason,
        Instant deadline,
        Instant createdAt) {

    /** The provider's checkout page the customer pays on. */
    public record Checkout(String sessionId, String url, Instant expiresAt) {}

    /** A payment as it is after an operation, with the events the operation produced (possibly none). */
    public record Change(Payment payment, List<PaymentEvent> events) {
        public Change {
            events = List.copyOf(events);
        }
    }

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        if (captured.exceeds(order.total())) {
            throw new InvalidPaymentException("captured " + captured.value() + " exceeds the order total "
                    + order.total().value());
        }
        if (refunded.plus(refundPending).exceeds(captured)) {
            throw new InvalidPaymentException("refunds exceed what was captured");
        }
    }

    public Cop amount() {
        return order.total();
    }

    /** What the customer paid and still has not got back (nor been promised back). */
    public Cop refundable() {
        return captured.minus(refunded).minus(refundPending);
    }

    /** A new payment for an order; a cash payment is requested at once, a card one once its checkout is open. */
    public static Change place(
            PaymentId id, OrderDetails order, PaymentMethod method, String provider, Instant deadline, Instant now) {
        var payment = new Payment(
                id,
                order,
                method,
                provider,
                PaymentStatus.PENDING,
                Cop.ZERO,
                Cop.ZERO,
                Cop.ZERO,
                false,
                null,
                null,
                null,
                deadline,
                now);
        return method == PaymentMethod.CASH
                ? new Change(payment, List.of(new Requested(payment, now)))
                : new Change(payment, List.of());
    }

    /** The provider opened a checkout page: the customer can pay. Nothing changes unless the payment is pending. */
    public Change checkoutOpened(Checkout opened, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return unchanged();
        }
        var next = with(PaymentStatus.PROCESSING, captured, refunded, refundPending, orderCancelled, opened, null);
        return new Change(next, List.of(new Requested(next, now)));
    }

    /**
     * The money arrived (card charge succeeded, cash collected). A second notice changes nothing. A payment that
     * arrives after the payment failed or the order was cancelled is still taken (it happened at the provider): the
     * caller then refunds it, see {@link #owesRefund()}.
     */
    public Change complete(String providerReference, Instant now) {
        if (status.captured()) {
            return unchanged();
        }
        var next = new Payment(
                id,
                order,
                method,
                provider,
                PaymentStatus.COMPLETED,
                order.total(),
                refunded,
                refundPending,
                orderCancelled,
                checkout,
                providerReference != null ? providerReference : paymentIntentId,
                null,
                deadline,
                createdAt);
        return new Change(next, List.of(new Completed(next, providerReference, now)));
    }

    /** The payment failed or expired; only an open payment can fail. */
    public Change fail(FailureReason reason, String detail, Instant now) {
        if (!status.open()) {
            return unchanged();
        }
        var next = new Payment(
                id,
                order,
                method,
                provider,
                PaymentStatus.FAILED,
                captured,
                refunded,
                refundPending,
                orderCancelled,
                checkout,
                paymentIntentId,
                reason,
                deadline,
                createdAt);
        return new Change(next, List.of(new Failed(next, reason, detail, now)));
    }

    /** The order was cancelled: an open payment is called off (no money moved); a paid one now owes a refund. */
    public Change orderWasCancelled() {
        var nextStatus = status.open() ? PaymentStatus.CANCELLED : status;
        return new Change(
                with(nextStatus, captured, refunded, refundPending, true, checkout, failureReason), List.of());
    }

    /** Paid by card for an order that will not be delivered, and not (yet) all given back. */
    public boolean owesRefund() {
        return method == PaymentMethod.CARD && orderCancelled && !refundable().isZero();
    }

    /** Reserves {@code amount} for a refund being asked of the provider. */
    public Payment reserveRefund(Cop amount) {
        if (method != PaymentMethod.CARD) {
            throw new InvalidPaymentException(
                    "payment " + id.value() + " was cash: cash is given back in person, not by the provider");
        }
        if (!status.captured()) {
            throw new InvalidPaymentException("payment " + id.value() + " is " + status + ": nothing to refund");
        }
        if (amount.isZero()) {
            throw new InvalidPaymentException("a refund must be of a positive amount");
        }
        if (amount.exceeds(refundable())) {
            throw new InvalidPaymentException("a refund of " + amount.value() + " exceeds what can still be refunded ("
                    + refundable().value() + ")");
        }
        return with(status, captured, refunded, refundPending.plus(amount), orderCancelled, checkout, failureReason);
    }

    /** The provider gave back a reserved refund. */
    public Change refundSucceeded(Cop amount, String reason, String providerReference, Instant now) {
        if (amount.exceeds(refundPending)) {
            throw new InvalidPaymentException("refund of " + amount.value() + " was not reserved");
        }
        return refunded(refundPending.minus(amount), amount, reason, providerReference, now);
    }

    /** The provider refused a reserved refund: the amount can be refunded again. */
    public Payment refundFailed(Cop amount) {
        if (amount.exceeds(refundPending)) {
            throw new InvalidPaymentException("refund of " + amount.value() + " was not reserved");
        }
        return with(status, captured, refunded, refundPending.minus(amount), orderCancelled, checkout, failureReason);
    }

    /**
     * A refund made at the provider without us asking (e.g. from its dashboard), seen in its events. Bounded by what
     * can still be refunded: the provider never gives back more than it took.
     */
    public Change refundedAtProvider(Cop amount, String reason, String providerReference, Instant now) {
        if (method != PaymentMethod.CARD || !status.captured() || amount.isZero()) {
            return unchanged();
        }
        Cop bounded = amount.exceeds(refundable()) ? refundable() : amount;
        if (bounded.isZero()) {
            return unchanged();
        }
        return refunded(refundPending, bounded, reason, providerReference, now);
    }

    private Change refunded(Cop pendingAfter, Cop amount, String reason, String providerReference, Instant now) {
        Cop total = refunded.plus(amount);
        var nextStatus = total.equals(captured) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        var next = with(nextStatus, captured, total, pendingAfter, orderCancelled, checkout, failureReason);
        return new Change(next, List.of(new Refunded(next, amount, reason, providerReference, now)));
    }

    private Change unchanged() {
        return new Change(this, List.of());
    }

    private Payment with(
            PaymentStatus nextStatus,
            Cop nextCaptured,
            Cop nextRefunded,
            Cop nextPending,
            boolean cancelled,
            Checkout nextCheckout,
            FailureReason reason) {
        return new Payment(
                id,
                order,
                method,
                provider,
                nextStatus,
                nextCaptured,
                nextRefunded,
                nextPending,
                cancelled,
                nextCheckout,
                paymentIntentId,
                reason,
                deadline,
                createdAt);
    }
}
