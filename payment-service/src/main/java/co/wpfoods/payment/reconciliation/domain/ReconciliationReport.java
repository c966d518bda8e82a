package co.wpfoods.payment.reconciliation.domain;

import java.time.Instant;
import java.util.List;

/** The result of comparing our card payments with the provider's for a period. */
public record ReconciliationReport(
        String id,
        String provider,
        Instant from,
        Instant to,
        int checked,
        int differenceCount,
        List<Difference> differences,
        Instant createdAt) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
    }

    public enum Kind {
        /** The provider took the money; our payment does not say so. */
        PAID_NOT_RECORDED,
        /** Our payment says paid; the provider has no paid session for it. */
        RECORDED_NOT_PAID,
        /** Both say paid, for different amounts. */
        AMOUNT_MISMATCH,
        /** Both know the refunds, and they differ. */
        REFUND_MISMATCH
    }

    public record Difference(
            Kind kind,
            String paymentId,
            String orderId,
            String providerReference,
            Long ourAmountCop,
            Long providerAmountCop,
            String detail) {}
}
