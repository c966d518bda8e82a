package co.wpfoods.payment.payment.domain;

import java.time.Instant;

/** What happened to a payment; each one is published on {@code payments.payment.v1}. */
public sealed interface PaymentEvent {

    Payment payment();

    Instant occurredAt();

    /** A payment exists; for a card the customer has a link to pay. */
    record Requested(Payment payment, Instant occurredAt) implements PaymentEvent {}

    /** The money is ours: a card charge succeeded or the worker collected the cash. */
    record Completed(Payment payment, String providerReference, Instant occurredAt) implements PaymentEvent {}

    /** The payment failed or expired; an order awaiting it is cancelled. */
    record Failed(Payment payment, FailureReason reason, String detail, Instant occurredAt) implements PaymentEvent {}

    /** Money went back to the customer. */
    record Refunded(Payment payment, Cop amount, String reason, String providerReference, Instant occurredAt)
            implements PaymentEvent {

        public boolean partial() {
            return payment.refunded().compareTo(payment.captured()) < 0;
        }
    }
}
