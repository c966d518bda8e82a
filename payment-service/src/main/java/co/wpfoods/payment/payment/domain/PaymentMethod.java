package co.wpfoods.payment.payment.domain;

/** How the customer pays: cash to the worker at the door, or a card online. */
public enum PaymentMethod {
    CASH,
    CARD
}
