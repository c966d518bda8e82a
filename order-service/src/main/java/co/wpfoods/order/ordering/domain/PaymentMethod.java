package co.wpfoods.order.ordering.domain;

/** How the customer pays: cash to the rapitendero, or card online through payment-service's link. */
public enum PaymentMethod {
    CASH,
    CARD
}
