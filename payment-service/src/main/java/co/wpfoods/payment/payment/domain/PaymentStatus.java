package co.wpfoods.payment.payment.domain;

/**
 * {@code PENDING → PROCESSING → COMPLETED | FAILED}, then {@code REFUNDED} / {@code PARTIALLY_REFUNDED}.
 * {@code CANCELLED}: the order was cancelled before any money moved (nothing to collect, nothing to refund).
 */
public enum PaymentStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED,
    REFUNDED,
    PARTIALLY_REFUNDED;

    /** Money was taken (some of it may have gone back since). */
    public boolean captured() {
        return this == COMPLETED || this == REFUNDED || this == PARTIALLY_REFUNDED;
    }

    /** Still waiting for the money. */
    public boolean open() {
        return this == PENDING || this == PROCESSING;
    }
}
