package co.wpfoods.order.ordering.application;

import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.CancellationReason;
import co.wpfoods.order.ordering.domain.Order;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A restaurant runs its orders: accept (with a preparation time or its usual one), reject with a reason, preparing,
 * ready. The domain refuses what is out of turn; the caller (the restaurant conversation) turns that into a reply.
 */
@Service
public class AnsweringOrders {

    private final OrderLifecycle lifecycle;
    private final Clock clock;

    public AnsweringOrders(OrderLifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public Order accept(Order order, Integer minutes, String by) {
        return lifecycle.move(order, o -> o.confirm(minutes, by, clock.instant()));
    }

    /** Only a PENDING order can be rejected: once someone accepted it, the first answer stands. */
    public Order reject(Order order, String reason) {
        if (order.status() != co.wpfoods.order.ordering.domain.OrderStatus.PENDING) {
            throw new co.wpfoods.order.ordering.domain.IllegalTransitionException(
                    order.reference(), order.status(), co.wpfoods.order.ordering.domain.OrderStatus.CANCELLED);
        }
        return lifecycle.move(
                order,
                o -> o.cancel(CancellationReason.RESTAURANT_REJECTED, Actor.RESTAURANT, reason, clock.instant()));
    }

    public Order preparing(Order order, String by) {
        return lifecycle.move(order, o -> o.startPreparing(by, clock.instant()));
    }

    /** Ready; from CONFIRMED it passes through PREPARING first (staff skipped the step). */
    public Order ready(Order order, String by) {
        var current = order;
        if (current.status() == co.wpfoods.order.ordering.domain.OrderStatus.CONFIRMED) {
            current = preparing(current, by);
        }
        return lifecycle.move(current, o -> o.ready(by, clock.instant()));
    }
}
