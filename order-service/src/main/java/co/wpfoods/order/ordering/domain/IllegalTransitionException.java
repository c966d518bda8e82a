package co.wpfoods.order.ordering.domain;

/** A move the lifecycle does not allow (e.g. cancelling a delivered order); nothing changed. */
public class IllegalTransitionException extends RuntimeException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderReference reference, OrderStatus from, OrderStatus to) {
        super("order " + reference + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
