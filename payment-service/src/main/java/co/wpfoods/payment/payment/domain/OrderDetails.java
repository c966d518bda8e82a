package co.wpfoods.payment.payment.domain;

import java.util.List;
import java.util.Objects;

/** What a payment needs to know about its order (from {@code OrderPlaced}). */
public record OrderDetails(
        OrderId orderId,
        String reference,
        String restaurantId,
        String restaurantName,
        Customer customer,
        List<OrderLine> lines,
        Cop subtotal,
        Cop deliveryFee,
        Cop total,
        Cop iva,
        Cop cashChangeFor) {

    /** IVA rate in Colombia; prices include it. */
    public static final int IVA_PERCENT = 19;

    public OrderDetails {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(total, "total");
        if (total.isZero()) {
            throw new InvalidPaymentException("an order total must be positive");
        }
        if (restaurantId == null || restaurantId.isBlank()) {
            throw new InvalidPaymentException("an order needs its restaurant");
        }
        reference = reference == null || reference.isBlank() ? orderId.value() : reference;
        lines = List.copyOf(lines == null ? List.of() : lines);
        subtotal = subtotal == null ? Cop.ZERO : subtotal;
        deliveryFee = deliveryFee == null ? Cop.ZERO : deliveryFee;
        iva = iva == null ? includedIva(total) : iva;
    }

    /** The IVA contained in a price that includes it: price × 19 / 119, rounded to the peso. */
    public static Cop includedIva(Cop gross) {
        return Cop.of(Math.round(gross.value() * (double) IVA_PERCENT / (100 + IVA_PERCENT)));
    }
}
