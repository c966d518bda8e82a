package co.wpfoods.ai.domain;

/** How a customer says they will pay. */
public enum PaymentMethod {
    CASH,
    CARD,
    NEQUI,
    DAVIPLATA,
    PSE,
    TRANSFER
}
