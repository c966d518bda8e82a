package co.wpfoods.payment.payment.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.payment.payment.application.CancellingPayments;
import co.wpfoods.payment.payment.application.SettlingPayments;
import co.wpfoods.payment.payment.application.TakingPayments;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Customer;
import co.wpfoods.payment.payment.domain.Language;
import co.wpfoods.payment.payment.domain.OrderDetails;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.OrderLine;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderDelivered;
import co.wpfoods.schemas.orders.OrderPickedUp;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.OrderPreparing;
import co.wpfoods.schemas.orders.OrderReady;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events, each handled once (inbox): a placed order gets its payment, a delivered one settles cash, a cancelled
 * one calls its payment off or refunds it. The other steps of the lifecycle do not concern payments.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "payment-service.order-events";

    private final Inbox inbox;
    private final TakingPayments taking;
    private final SettlingPayments settling;
    private final CancellingPayments cancelling;

    OrderEventsListener(Inbox inbox, TakingPayments taking, SettlingPayments settling, CancellingPayments cancelling) {
        this.inbox = inbox;
        this.taking = taking;
        this.settling = settling;
        this.cancelling = cancelling;
    }

    @KafkaListener(topics = Topics.Orders.ORDER)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case OrderPlaced placed ->
                inbox.processOnce(
                        CONSUMER, Inbox.eventIdOf(record), () -> taking.orderPlaced(details(placed), method(placed)));
            case OrderDelivered delivered ->
                inbox.processOnce(
                        CONSUMER,
                        Inbox.eventIdOf(record),
                        () -> settling.orderDelivered(new OrderId(delivered.getOrderId())));
            case OrderCancelled cancelled ->
                inbox.processOnce(
                        CONSUMER,
                        Inbox.eventIdOf(record),
                        () -> cancelling.orderCancelled(new OrderId(cancelled.getOrderId())));
            case OrderConfirmed ignored -> {}
            case OrderPreparing ignored -> {}
            case OrderReady ignored -> {}
            case OrderPickedUp ignored -> {}
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }

    /** Cash is collected at the door; every other method is paid online on the provider's checkout page. */
    static PaymentMethod method(OrderPlaced placed) {
        return placed.getPaymentMethod() == co.wpfoods.schemas.orders.PaymentMethod.CASH
                ? PaymentMethod.CASH
                : PaymentMethod.CARD;
    }

    static OrderDetails details(OrderPlaced p) {
        return new OrderDetails(
                new OrderId(p.getOrderId()),
                p.getReference(),
                p.getRestaurantId(),
                p.getRestaurantName(),
                new Customer(p.getCustomer().getWaId(), p.getCustomer().getUserId(), Language.of(p.getLanguage())),
                p.getLines().stream()
                        .map(l -> new OrderLine(l.getName(), l.getQuantity(), l.getUnitPriceCop()))
                        .toList(),
                Cop.of(p.getSubtotalCop()),
                Cop.of(p.getDeliveryFeeCop()),
                Cop.of(p.getTotalCop()),
                p.getIvaCop() == null ? null : Cop.of(p.getIvaCop()),
                p.getCashChangeForCop() == null ? null : Cop.of(p.getCashChangeForCop()));
    }
}
