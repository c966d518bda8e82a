package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.PaymentId;
import java.util.Optional;

/** Where refunds are kept. {@code lock…} must run in a transaction. */
public interface RefundRequests {

    void add(RefundRecord refund);

    void update(RefundRecord refund);

    Optional<RefundRecord> find(String id);

    Optional<RefundRecord> lock(String id);

    Optional<RefundRecord> lockByProviderReference(String reference);

    Page<RefundRecord> search(PaymentId paymentId, int page, int size);
}
