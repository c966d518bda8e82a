package co.wpfoods.order.ordering.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.ordering.application.OrderEvents;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderEvent;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.common.GeoPoint;
import co.wpfoods.schemas.orders.CancellationReason;
import co.wpfoods.schemas.orders.CancelledBy;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderDelivered;
import co.wpfoods.schemas.orders.OrderPickedUp;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.OrderPreparing;
import co.wpfoods.schemas.orders.OrderReady;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Order events → Avro → outbox rows on {@code orders.order.v1}, keyed by order id. */
@Component
class OutboxOrderEvents implements OrderEvents {

    private final OutboxWriter outbox;

    OutboxOrderEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OrderEvent event, Restaurant restaurant) {
        String key = event.order().id().value();
        outbox.append(OutboxEvent.of(Topics.Orders.ORDER, key, toAvro(event, restaurant), key));
    }

    static SpecificRecord toAvro(OrderEvent event, Restaurant restaurant) {
        Order o = event.order();
        String id = o.id().value();
        String rid = o.restaurantId().value();
        return switch (event) {
            case OrderEvent.Placed placed -> placed(o, restaurant, placed);
            case OrderEvent.Confirmed c ->
                OrderConfirmed.newBuilder()
                        .setOrderId(id)
                        .setRestaurantId(rid)
                        .setPreparationMinutes(o.preparationMinutes())
                        .setEstimatedReadyAt(o.estimatedReadyAt())
                        .setOccurredAt(c.occurredAt())
                        .build();
            case OrderEvent.Preparing p -> new OrderPreparing(id, rid, p.occurredAt());
            case OrderEvent.Ready r -> new OrderReady(id, rid, r.occurredAt());
            case OrderEvent.PickedUp p -> new OrderPickedUp(id, rid, p.occurredAt());
            case OrderEvent.Delivered d -> new OrderDelivered(id, rid, d.occurredAt());
            case OrderEvent.Cancelled c ->
                OrderCancelled.newBuilder()
                        .setOrderId(id)
                        .setRestaurantId(rid)
                        .setReason(CancellationReason.valueOf(
                                o.cancellation().reason().name()))
                        .setDetail(o.cancellation().detail())
                        .setCancelledBy(
                                CancelledBy.valueOf(o.cancellation().by().name()))
                        .setPreviousStatus(o.cancellation().previousStatus().name())
                        .setOccurredAt(c.occurredAt())
                        .build();
            case OrderEvent.PaymentAccepted p ->
                throw new IllegalArgumentException("PaymentAccepted is not published on " + Topics.Orders.ORDER);
        };
    }

    private static OrderPlaced placed(Order o, Restaurant restaurant, OrderEvent.Placed event) {
        return OrderPlaced.newBuilder()
                .setOrderId(o.id().value())
                .setReference(o.reference().value())
                .setCustomer(WaUser.newBuilder()
                        .setWaId(o.customer().waId())
                        .setUserId(o.customer().userId())
                        .setProfileName(o.customer().name())
                        .build())
                .setRestaurantId(o.restaurantId().value())
                .setLines(o.lines().stream().map(OutboxOrderEvents::line).toList())
                .setSubtotalCop(o.totals().subtotal().value())
                .setDeliveryFeeCop(o.totals().deliveryFee().value())
                .setTotalCop(o.totals().total().value())
                .setIvaCop(o.totals().iva().value())
                .setPaymentMethod(PaymentMethod.valueOf(o.paymentMethod().name()))
                .setAwaitingPayment(o.status() == co.wpfoods.order.ordering.domain.OrderStatus.AWAITING_PAYMENT)
                .setDeliveryAddress(o.address() == null ? null : o.address().text())
                .setDeliveryPoint(o.address() == null ? null : point(o.address().point()))
                .setRestaurantName(restaurant.name())
                .setPickupAddress(restaurant.address())
                .setPickupPoint(point(restaurant.location()))
                .setZone(restaurant.zone())
                .setNotes(o.notes())
                .setCashChangeForCop(
                        o.cashChangeFor() == null ? null : o.cashChangeFor().value())
                .setDeliveryPin(o.deliveryPin())
                .setPreparationMinutes(o.preparationMinutes())
                .setOccurredAt(event.occurredAt())
                .setLanguage(event.language())
                .build();
    }

    private static co.wpfoods.schemas.orders.OrderLine line(OrderLine line) {
        return co.wpfoods.schemas.orders.OrderLine.newBuilder()
                .setItemId(line.itemId())
                .setName(line.name())
                .setQuantity(line.quantity())
                .setUnitPriceCop(line.unitPrice().value())
                .setModifiers(line.modifiers().stream()
                        .map(OrderLine.ChosenModifier::name)
                        .toList())
                .setNote(line.note())
                .build();
    }

    private static GeoPoint point(GeoLocation location) {
        return location == null ? null : new GeoPoint(location.latitude(), location.longitude());
    }
}
