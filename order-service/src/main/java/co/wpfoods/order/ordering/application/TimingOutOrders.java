package co.wpfoods.order.ordering.application;

import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.CancellationReason;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderStatus;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the order timers do when they fire: each acts only if the order is still where the timer left it. */
@Service
public class TimingOutOrders {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    public TimingOutOrders(Orders orders, OrderLifecycle lifecycle, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Transactional
    public void remindRestaurant(OrderId id) {
        orders.find(id)
                .filter(o -> o.status() == OrderStatus.PENDING)
                .ifPresent(o -> lifecycle.news(o, new OrderNotices.OrderNews.RestaurantReminder()));
    }

    @Transactional
    public void restaurantDidNotAnswer(OrderId id) {
        orders.find(id)
                .filter(o -> o.status() == OrderStatus.PENDING)
                .ifPresent(o -> lifecycle.move(
                        o,
                        x -> x.cancel(
                                CancellationReason.RESTAURANT_TIMEOUT,
                                Actor.SYSTEM,
                                "no answer from the restaurant",
                                clock.instant())));
    }

    @Transactional
    public void paymentDidNotArrive(OrderId id) {
        orders.find(id)
                .filter(o -> o.status() == OrderStatus.AWAITING_PAYMENT)
                .ifPresent(o -> lifecycle.move(
                        o,
                        x -> x.cancel(
                                CancellationReason.PAYMENT_FAILED,
                                Actor.SYSTEM,
                                "payment timed out",
                                clock.instant())));
    }
}
