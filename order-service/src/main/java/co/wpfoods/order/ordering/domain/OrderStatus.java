package co.wpfoods.order.ordering.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. Every allowed move is listed here and nowhere else; {@link Order} refuses the rest.
 *
 * <pre>
 * AWAITING_PAYMENT → PENDING → CONFIRMED → PREPARING → READY → PICKED_UP → DELIVERED
 *        └──────────────┴──────────┴────────────┴─────────┴──→ CANCELLED (before PICKED_UP)
 * </pre>
 *
 * A worker may collect an order the restaurant forgot to mark ready: PREPARING → PICKED_UP is allowed.
 */
public enum OrderStatus {
    AWAITING_PAYMENT,
    PENDING,
    CONFIRMED,
    PREPARING,
    READY,
    PICKED_UP,
    DELIVERED,
    CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case AWAITING_PAYMENT -> EnumSet.of(PENDING, CANCELLED);
            case PENDING -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(PREPARING, CANCELLED);
            case PREPARING -> EnumSet.of(READY, PICKED_UP, CANCELLED);
            case READY -> EnumSet.of(PICKED_UP, CANCELLED);
            case PICKED_UP -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    public boolean isFinished() {
        return this == DELIVERED || this == CANCELLED;
    }

    /** The customer may cancel on their own until the restaurant starts preparing. */
    public boolean customerMayCancel() {
        return this == AWAITING_PAYMENT || this == PENDING || this == CONFIRMED;
    }
}
