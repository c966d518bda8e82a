package co.wpfoods.payment.payment.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payments and orders for tests. */
public final class PaymentMother {

    public static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

    private PaymentMother() {}

    public static OrderDetails order(long totalCop) {
        long fee = Math.min(5_000, totalCop / 2);
        return new OrderDetails(
                new OrderId("ord-" + UUID.randomUUID()),
                "8841",
                "rest-napoli",
                "Pizzería Napoli",
                new Customer("573001234567", null),
                List.of(new OrderLine("Pizza Margarita L", 1, totalCop - fee)),
                Cop.of(totalCop - fee),
                Cop.of(fee),
                Cop.of(totalCop),
                null,
                null);
    }

    public static Payment pendingCard(long totalCop) {
        return Payment.place(
                        PaymentId.newId(), order(totalCop), PaymentMethod.CARD, "stripe", NOW.plusSeconds(900), NOW)
                .payment();
    }

    public static Payment pendingCash(long totalCop) {
        return Payment.place(PaymentId.newId(), order(totalCop), PaymentMethod.CASH, "cash", null, NOW)
                .payment();
    }

    public static Payment paidCard(long totalCop) {
        return pendingCard(totalCop).complete("pi_1", NOW).payment();
    }
}
