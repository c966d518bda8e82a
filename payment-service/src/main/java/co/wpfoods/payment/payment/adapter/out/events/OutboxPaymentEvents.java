package co.wpfoods.payment.payment.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.payment.payment.application.PaymentEvents;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentEvent;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.payments.PaidWith;
import co.wpfoods.schemas.payments.PaymentCompleted;
import co.wpfoods.schemas.payments.PaymentFailed;
import co.wpfoods.schemas.payments.PaymentFailureReason;
import co.wpfoods.schemas.payments.PaymentRefunded;
import co.wpfoods.schemas.payments.PaymentRequested;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Payment events → Avro → outbox rows on {@code payments.payment.v1}, keyed by order id. */
@Component
class OutboxPaymentEvents implements PaymentEvents {

    private final OutboxWriter outbox;

    OutboxPaymentEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(PaymentEvent event) {
        Payment p = event.payment();
        String orderId = p.order().orderId().value();
        SpecificRecord record = switch (event) {
            case PaymentEvent.Requested r ->
                PaymentRequested.newBuilder()
                        .setPaymentId(p.id().value())
                        .setOrderId(orderId)
                        .setAmountCop(p.amount().value())
                        .setMethod(paidWith(p))
                        .setCheckoutUrl(
                                p.checkout() == null ? null : p.checkout().url())
                        .setExpiresAt(p.method() == PaymentMethod.CARD ? p.deadline() : null)
                        .setOccurredAt(r.occurredAt())
                        .build();
            case PaymentEvent.Completed c ->
                PaymentCompleted.newBuilder()
                        .setPaymentId(p.id().value())
                        .setOrderId(orderId)
                        .setAmountCop(p.captured().value())
                        .setMethod(paidWith(p))
                        .setProvider(p.provider())
                        .setProviderReference(c.providerReference())
                        .setOccurredAt(c.occurredAt())
                        .build();
            case PaymentEvent.Failed f ->
                PaymentFailed.newBuilder()
                        .setPaymentId(p.id().value())
                        .setOrderId(orderId)
                        .setReason(PaymentFailureReason.valueOf(f.reason().name()))
                        .setDetail(f.detail())
                        .setOccurredAt(f.occurredAt())
                        .build();
            case PaymentEvent.Refunded r ->
                PaymentRefunded.newBuilder()
                        .setPaymentId(p.id().value())
                        .setOrderId(orderId)
                        .setAmountCop(r.amount().value())
                        .setTotalRefundedCop(p.refunded().value())
                        .setPartial(r.partial())
                        .setReason(r.reason())
                        .setProviderReference(r.providerReference())
                        .setOccurredAt(r.occurredAt())
                        .build();
        };
        outbox.append(OutboxEvent.of(Topics.Payments.PAYMENT, orderId, record, orderId));
    }

    private static PaidWith paidWith(Payment payment) {
        return payment.method() == PaymentMethod.CASH ? PaidWith.CASH : PaidWith.CARD;
    }
}
