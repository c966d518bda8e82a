package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Payment;

/** What the customer is told by WhatsApp about their payment; each notice joins the caller's transaction (outbox). */
public interface CustomerNotices {

    /** The link to pay (a CTA URL message). */
    void payByCard(Payment payment);

    /** A card was declined on the checkout page; the same link can be tried again until the deadline. */
    void cardDeclined(Payment payment);

    /** The payment was not made in time, or could not be started: the order is cancelled. */
    void paymentFailed(Payment payment);

    /** Paid, with the receipt. */
    void paid(Payment payment, Receipt receipt);

    /** Money went back. */
    void refunded(Payment payment, Cop amount);
}
