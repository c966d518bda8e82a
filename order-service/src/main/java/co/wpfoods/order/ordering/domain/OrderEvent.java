package co.wpfoods.order.ordering.domain;

import co.wpfoods.order.catalog.domain.GeoLocation;
import java.time.Instant;

/** What happened to an order; each is published on {@code orders.order.v1} except {@link PaymentAccepted}. */
public sealed interface OrderEvent {

    Order order();

    Instant occurredAt();

    /** {@code language}: the customer's conversation language when they ordered (null when not known). */
    record Placed(Order order, Instant occurredAt, String language) implements OrderEvent {}

    /** Paid online: the order leaves AWAITING_PAYMENT and goes to the restaurant (no event of its own on the topic). */
    record PaymentAccepted(Order order, Instant occurredAt) implements OrderEvent {}

    record Confirmed(Order order, Instant occurredAt) implements OrderEvent {}

    record Preparing(Order order, Instant occurredAt) implements OrderEvent {}

    record Ready(Order order, Instant occurredAt) implements OrderEvent {}

    /** With the worker's first name and where they were, for the customer. */
    record PickedUp(Order order, String workerFirstName, GeoLocation workerLocation, Instant occurredAt)
            implements OrderEvent {}

    record Delivered(Order order, Instant occurredAt) implements OrderEvent {}

    record Cancelled(Order order, Instant occurredAt) implements OrderEvent {}
}
