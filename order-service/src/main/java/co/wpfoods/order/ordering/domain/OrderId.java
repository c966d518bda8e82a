package co.wpfoods.order.ordering.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order (key of {@code orders.order.v1}). */
public record OrderId(String value) {
    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId newId() {
        return new OrderId("o-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
