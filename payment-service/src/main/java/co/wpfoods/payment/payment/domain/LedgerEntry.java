package co.wpfoods.payment.payment.domain;

import java.time.Instant;
import java.util.List;

/**
 * One movement of money: {@code amount} leaves the credited account and enters the debited one. Entries are only ever
 * appended.
 */
public record LedgerEntry(
        PaymentId paymentId,
        OrderId orderId,
        Movement movement,
        Account debit,
        Account credit,
        Cop amount,
        String reference,
        Instant occurredAt) {

    public enum Movement {
        CARD_CHARGE,
        CASH_COLLECTION,
        REFUND
    }

    /** Where money sits: with the customer, at the card provider on our behalf, or in the worker's hands as cash. */
    public enum Account {
        CUSTOMER,
        CARD_PROVIDER,
        CASH_WITH_WORKER
    }

    /** The ledger's entries for an event: a completed payment is a charge or a collection, a refund goes back. */
    public static List<LedgerEntry> of(PaymentEvent event) {
        Payment payment = event.payment();
        return switch (event) {
            case PaymentEvent.Completed c ->
                List.of(
                        payment.method() == PaymentMethod.CASH
                                ? new LedgerEntry(
                                        payment.id(),
                                        payment.order().orderId(),
                                        Movement.CASH_COLLECTION,
                                        Account.CASH_WITH_WORKER,
                                        Account.CUSTOMER,
                                        payment.captured(),
                                        "cash:" + payment.id().value(),
                                        c.occurredAt())
                                : new LedgerEntry(
                                        payment.id(),
                                        payment.order().orderId(),
                                        Movement.CARD_CHARGE,
                                        Account.CARD_PROVIDER,
                                        Account.CUSTOMER,
                                        payment.captured(),
                                        reference(c.providerReference(), payment),
                                        c.occurredAt()));
            case PaymentEvent.Refunded r ->
                List.of(new LedgerEntry(
                        payment.id(),
                        payment.order().orderId(),
                        Movement.REFUND,
                        Account.CUSTOMER,
                        payment.method() == PaymentMethod.CASH ? Account.CASH_WITH_WORKER : Account.CARD_PROVIDER,
                        r.amount(),
                        r.providerReference() != null
                                ? r.providerReference()
                                : "refund:" + payment.id().value() + ":"
                                        + payment.refunded().value(),
                        r.occurredAt()));
            case PaymentEvent.Requested q -> List.of();
            case PaymentEvent.Failed f -> List.of();
        };
    }

    private static String reference(String providerReference, Payment payment) {
        return providerReference != null
                ? providerReference
                : "payment:" + payment.id().value();
    }
}
