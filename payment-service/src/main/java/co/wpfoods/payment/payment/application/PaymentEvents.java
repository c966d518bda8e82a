package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.PaymentEvent;

/** Publishes payment events on {@code payments.payment.v1}; must join the caller's transaction (outbox). */
public interface PaymentEvents {

    void publish(PaymentEvent event);
}
