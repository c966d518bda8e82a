package co.wpfoods.payment.payment.domain;

import java.util.UUID;

/** Identity of a payment. */
public record PaymentId(String value) {

    public PaymentId {
        if (value == null || value.isBlank()) {
            throw new InvalidPaymentException("payment id must not be blank");
        }
    }

    public static PaymentId newId() {
        return new PaymentId("pay-" + UUID.randomUUID());
    }
}
