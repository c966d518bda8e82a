package co.wpfoods.dispatch.delivery.adapter.in.kafka;

import co.wpfoods.dispatch.delivery.application.TrackingOrders;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
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
 * Order events, each applied once (inbox): placed → read model; confirmed → pool; ready → the worker is told;
 * cancelled → offer withdrawn or delivery stopped. Preparing, picked-up and delivered come from our own events and are
 * passed over on purpose; any other type goes to the dead-letter topic.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "dispatch-service.orders";

    private final Inbox inbox;
    private final TrackingOrders tracking;

    OrderEventsListener(Inbox inbox, TrackingOrders tracking) {
        this.inbox = inbox;
        this.tracking = tracking;
    }

    @KafkaListener(topics = Topics.Orders.ORDER)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        switch (value) {
            case OrderPlaced placed ->
                inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> tracking.placed(order(placed)));
            case OrderConfirmed confirmed ->
                inbox.processOnce(
                        CONSUMER,
                        Inbox.eventIdOf(record),
                        () -> tracking.confirmed(confirmed.getOrderId(), confirmed.getEstimatedReadyAt()));
            case OrderReady ready ->
                inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> tracking.ready(ready.getOrderId()));
            case OrderCancelled cancelled ->
                inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> tracking.cancelled(cancelled.getOrderId()));
            case OrderPreparing ignored -> {
                // the restaurant started cooking: the estimate from OrderConfirmed already places it in time
            }
            case OrderPickedUp ignored -> {
                // order-service's echo of our PickedUp
            }
            case OrderDelivered ignored -> {
                // order-service's echo of our Delivered
            }
            case null, default -> throw new UnhandledEventException(CONSUMER, value);
        }
    }

    static DispatchOrder order(OrderPlaced e) {
        String profile = e.getCustomer().getProfileName();
        String firstName =
                profile == null || profile.isBlank() ? null : profile.strip().split("\\s+")[0];
        return new DispatchOrder(
                e.getOrderId(),
                e.getReference(),
                e.getCustomer().getWaId() == null ? "" : e.getCustomer().getWaId(),
                firstName,
                e.getRestaurantId(),
                e.getRestaurantName() == null ? e.getRestaurantId() : e.getRestaurantName(),
                e.getPickupAddress(),
                e.getPickupPoint() == null
                        ? null
                        : new GeoPoint(
                                e.getPickupPoint().getLatitude(),
                                e.getPickupPoint().getLongitude()),
                e.getZone(),
                e.getDeliveryAddress(),
                e.getDeliveryPoint() == null
                        ? null
                        : new GeoPoint(
                                e.getDeliveryPoint().getLatitude(),
                                e.getDeliveryPoint().getLongitude()),
                e.getDeliveryPin(),
                e.getPaymentMethod().name(),
                e.getTotalCop(),
                e.getCashChangeForCop(),
                DispatchOrder.Status.PLACED,
                null,
                false,
                null,
                false,
                e.getOccurredAt());
    }
}
