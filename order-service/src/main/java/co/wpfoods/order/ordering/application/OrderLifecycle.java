package co.wpfoods.order.ordering.application;

import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderEvent;
import co.wpfoods.order.ordering.domain.OrderStatus;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The one place an order moves: apply the domain's transition, save it (optimistic version), publish its event through
 * the outbox, tell the people involved, and start the timers the new status needs — all in the caller's transaction.
 * Use cases (restaurant answers, deliveries, payments, timers, the customer) go through here.
 */
@Component
public class OrderLifecycle {

    private final Orders orders;
    private final Restaurants restaurants;
    private final OrderEvents events;
    private final OrderNotices notices;
    private final OrderTimers timers;

    public OrderLifecycle(
            Orders orders, Restaurants restaurants, OrderEvents events, OrderNotices notices, OrderTimers timers) {
        this.orders = orders;
        this.restaurants = restaurants;
        this.events = events;
        this.notices = notices;
        this.timers = timers;
    }

    /** Records a new order and announces it. */
    public Order placed(Order.Transition placement) {
        orders.add(placement.order());
        return after(placement);
    }

    /** Moves {@code order} with {@code move} (a method of {@link Order}); throws what the domain refuses. */
    public Order move(Order order, Function<Order, Order.Transition> move) {
        var transition = move.apply(order);
        var saved = orders.save(transition.order());
        return after(new Order.Transition(saved, transition.event()));
    }

    public Restaurant restaurantOf(Order order) {
        return restaurants
                .find(order.restaurantId())
                .orElseThrow(() -> new IllegalStateException("order " + order.reference() + " has no restaurant"));
    }

    public void news(Order order, OrderNotices.OrderNews news) {
        notices.news(order, restaurantOf(order), news);
    }

    private Order after(Order.Transition transition) {
        var order = transition.order();
        var restaurant = restaurantOf(order);
        if (!(transition.event() instanceof OrderEvent.PaymentAccepted)) {
            events.publish(transition.event(), restaurant);
        }
        notices.orderChanged(transition.event(), restaurant);
        if (order.status() == OrderStatus.PENDING) {
            timers.restaurantMustAnswer(order);
        } else if (order.status() == OrderStatus.AWAITING_PAYMENT) {
            timers.paymentMustArrive(order);
        }
        return order;
    }
}
