package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.PaymentId;
import java.time.Instant;

/** A receipt: its number in the restaurant's sequence and the text the customer receives. */
public record Receipt(
        PaymentId paymentId, String restaurantId, long number, String body, String fiscalStatus, Instant issuedAt) {

    /** The number as printed: the restaurant's sequence, zero-padded. */
    public String printedNumber() {
        return String.format("%06d", number);
    }
}
