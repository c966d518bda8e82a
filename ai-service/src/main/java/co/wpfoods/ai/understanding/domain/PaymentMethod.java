package co.wpfoods.ai.understanding.domain;

/** How a customer says they will pay. */
public enum PaymentMethod {
    CASH,
    CARD,
    NEQUI,
    DAVIPLATA,
    PSE,
    TRANSFER
}
