package co.wpfoods.order.ordering.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.order.ordering.application.SettlingPayment;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.payments.PaymentCompleted;
import co.wpfoods.schemas.payments.PaymentFailed;
import co.wpfoods.schemas.payments.PaymentRefunded;
import co.wpfoods.schemas.payments.PaymentRequested;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** payment-service's events, each applied once (inbox) to its order. */
@Component
class PaymentEventsListener {

    static final String CONSUMER = "order-service.payments";

    private final Inbox inbox;
    private final SettlingPayment settling;

    PaymentEventsListener(Inbox inbox, SettlingPayment settling) {
        this.inbox = inbox;
        this.settling = settling;
    }

    @KafkaListener(
            topics = Topics.Payments.PAYMENT,
            groupId = "${spring.kafka.consumer.group-id:${spring.application.name}}.payments",
            autoStartup = "${wpfoods.order.listen:true}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        Runnable effect = switch (record.value()) {
            case PaymentRequested e -> () -> settling.requested(new OrderId(e.getOrderId()), e.getCheckoutUrl());
            case PaymentCompleted e -> () -> settling.completed(new OrderId(e.getOrderId()));
            case PaymentFailed e ->
                () -> settling.failed(
                        new OrderId(e.getOrderId()),
                        e.getDetail() == null ? e.getReason().name() : e.getDetail());
            case PaymentRefunded e ->
                () -> settling.refunded(new OrderId(e.getOrderId()), e.getAmountCop(), e.getPartial());
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        };
        inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), effect);
    }
}
