package co.wpfoods.order.ordering.domain;

/** Why an order was cancelled (the same names as {@code OrderCancelled.reason}). */
public enum CancellationReason {
    CUSTOMER_REQUEST,
    RESTAURANT_REJECTED,
    RESTAURANT_TIMEOUT,
    NO_WORKER,
    PAYMENT_FAILED,
    OTHER
}
