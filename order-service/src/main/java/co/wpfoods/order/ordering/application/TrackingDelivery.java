package co.wpfoods.order.ordering.application;

import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.CancellationReason;
import co.wpfoods.order.ordering.domain.IllegalTransitionException;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies dispatch-service's news to orders: picked up, delivered, a worker assigned, a delay, a failed delivery.
 * A fact that arrives for an order that can no longer take it (a pickup after a cancellation) is logged and changes
 * nothing: dispatch reports what happened, and the order keeps the state it reached first.
 */
@Service
public class TrackingDelivery {

    private static final Logger log = LoggerFactory.getLogger(TrackingDelivery.class);

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    public TrackingDelivery(Orders orders, OrderLifecycle lifecycle, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public void pickedUp(OrderId id, String workerFirstName, GeoLocation workerLocation) {
        withOrder(
                id, order -> lifecycle.move(order, o -> o.pickedUp(workerFirstName, workerLocation, clock.instant())));
    }

    public void delivered(OrderId id) {
        withOrder(id, order -> lifecycle.move(order, o -> o.delivered(clock.instant())));
    }

    public void workerAssigned(OrderId id, String workerFirstName, Instant estimatedPickupAt) {
        withOrder(id, order -> {
            if (!order.status().isFinished()) {
                lifecycle.news(order, new OrderNotices.OrderNews.WorkerAssigned(workerFirstName, estimatedPickupAt));
            }
        });
    }

    public void delayed(OrderId id, int waitingSeconds) {
        withOrder(id, order -> {
            if (!order.status().isFinished() && order.status() != OrderStatus.PICKED_UP) {
                lifecycle.news(order, new OrderNotices.OrderNews.DeliveryDelayed(waitingSeconds));
            }
        });
    }

    /** With no worker the order is cancelled by policy; other failures are for ops (logged, order unchanged). */
    public void failed(OrderId id, boolean noWorker, String detail) {
        if (!noWorker) {
            log.warn("Delivery of order {} failed ({}); left to ops", id, detail);
            return;
        }
        withOrder(
                id,
                order -> lifecycle.move(
                        order, o -> o.cancel(CancellationReason.NO_WORKER, Actor.SYSTEM, detail, clock.instant())));
    }

    private void withOrder(OrderId id, Consumer<Order> action) {
        var order = orders.find(id);
        if (order.isEmpty()) {
            log.warn("Delivery news for unknown order {} ignored", id);
            return;
        }
        try {
            action.accept(order.get());
        } catch (IllegalTransitionException e) {
            log.info("Delivery news for order {} ignored: {}", id, e.getMessage());
        }
    }
}
