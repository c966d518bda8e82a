package co.wpfoods.order.ordering.domain;

/** Why and by whom an order was cancelled, and from which status. */
public record Cancellation(CancellationReason reason, Actor by, String detail, OrderStatus previousStatus) {}
