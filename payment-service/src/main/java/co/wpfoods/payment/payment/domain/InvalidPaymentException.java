package co.wpfoods.payment.payment.domain;

/** A payment operation that breaks a rule; the message says which one. */
public class InvalidPaymentException extends RuntimeException {

    public InvalidPaymentException(String message) {
        super(message);
    }
}
