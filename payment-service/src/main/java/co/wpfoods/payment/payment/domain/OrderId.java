package co.wpfoods.payment.payment.domain;

/** Identity of an order (order-service's id, the key of {@code orders.order.v1}). */
public record OrderId(String value) {

    public OrderId {
        if (value == null || value.isBlank()) {
            throw new InvalidPaymentException("order id must not be blank");
        }
    }
}
