package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.PaymentId;
import java.time.Instant;
import java.util.UUID;

/** A refund asked of the provider and where it stands. */
public record RefundRecord(
        String id,
        PaymentId paymentId,
        OrderId orderId,
        Cop amount,
        String reason,
        String requestedBy,
        Status status,
        String providerReference,
        String failureDetail,
        Instant requestedAt,
        Instant settledAt) {

    public enum Status {
        /** Stored, not yet accepted by the provider. */
        REQUESTED,
        /** Accepted by the provider, money on its way back (its events settle it). */
        SUBMITTED,
        SUCCEEDED,
        FAILED
    }

    public static RefundRecord requested(
            PaymentId paymentId, OrderId orderId, Cop amount, String reason, String requestedBy, Instant now) {
        return new RefundRecord(
                "rf-" + UUID.randomUUID(),
                paymentId,
                orderId,
                amount,
                reason,
                requestedBy,
                Status.REQUESTED,
                null,
                null,
                now,
                null);
    }

    public RefundRecord submitted(String reference) {
        return new RefundRecord(
                id,
                paymentId,
                orderId,
                amount,
                reason,
                requestedBy,
                Status.SUBMITTED,
                reference,
                null,
                requestedAt,
                null);
    }

    public RefundRecord succeeded(String reference, Instant now) {
        return new RefundRecord(
                id,
                paymentId,
                orderId,
                amount,
                reason,
                requestedBy,
                Status.SUCCEEDED,
                reference,
                null,
                requestedAt,
                now);
    }

    public RefundRecord failed(String reference, String detail, Instant now) {
        return new RefundRecord(
                id,
                paymentId,
                orderId,
                amount,
                reason,
                requestedBy,
                Status.FAILED,
                reference,
                detail,
                requestedAt,
                now);
    }

    public boolean settled() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }
}
