package co.wpfoods.order.ordering.domain;

/** Who moved an order (kept in its history and, for a cancellation, in {@code OrderCancelled.cancelledBy}). */
public enum Actor {
    CUSTOMER,
    RESTAURANT,
    SYSTEM,
    OPS,
    WORKER,
    PAYMENT
}
