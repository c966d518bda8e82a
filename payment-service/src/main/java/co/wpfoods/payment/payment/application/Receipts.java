package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.PaymentId;
import java.util.Optional;

/** Where receipts are kept, with each restaurant's gap-free numbering. */
public interface Receipts {

    /** The next number of the restaurant's sequence; joins the caller's transaction (rolled back with it). */
    long nextNumber(String restaurantId);

    void add(Receipt receipt);

    Optional<Receipt> of(PaymentId paymentId);
}
