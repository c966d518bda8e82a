package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.PaymentId;

/** No payment with that id. */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(PaymentId id) {
        super("no payment " + id.value());
    }
}
