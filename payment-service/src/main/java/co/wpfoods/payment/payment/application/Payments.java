package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where payments are kept. The {@code lock…} methods must run in a transaction and hold the row until it ends. */
public interface Payments {

    void add(Payment payment);

    void update(Payment payment);

    Optional<Payment> find(PaymentId id);

    Optional<Payment> lock(PaymentId id);

    Optional<Payment> lockByOrder(OrderId orderId);

    Optional<Payment> byOrder(OrderId orderId);

    Optional<PaymentId> idByCheckoutSession(String sessionId);

    Optional<PaymentId> idByPaymentIntent(String paymentIntentId);

    /** Records the provider's payment reference (payment intent) as soon as it is known. */
    void rememberPaymentIntent(PaymentId id, String paymentIntentId);

    Page<Payment> search(Query query);

    /** Card payments of a provider created in {@code [from, to)}, for reconciliation. */
    List<Payment> createdBetween(String provider, Instant from, Instant to);

    /** A search of payments for ops; every criterion is optional. */
    record Query(OrderId orderId, PaymentStatus status, Instant from, Instant to, int page, int size) {}
}
