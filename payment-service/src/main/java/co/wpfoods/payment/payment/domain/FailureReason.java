package co.wpfoods.payment.payment.domain;

/** Why a payment failed (mirrors {@code PaymentFailureReason} of {@code payments.payment.v1}). */
public enum FailureReason {
    DECLINED,
    EXPIRED,
    PROVIDER_ERROR,
    OTHER
}
