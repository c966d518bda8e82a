package co.wpfoods.order.ordering.application;

import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderEvent;
import java.time.Instant;

/**
 * Tells the people of an order what happened to it (the customer, the restaurant's staff), in the caller's
 * transaction. Implemented by the conversations, which know each person's language and chat.
 */
public interface OrderNotices {

    void orderChanged(OrderEvent event, Restaurant restaurant);

    void news(Order order, Restaurant restaurant, OrderNews news);

    /** News about an order that does not move it. */
    sealed interface OrderNews {
        record WorkerAssigned(String workerFirstName, Instant estimatedPickupAt) implements OrderNews {}

        record DeliveryDelayed(int waitingSeconds) implements OrderNews {}

        record Refunded(long amountCop, boolean partial) implements OrderNews {}

        record RestaurantReminder() implements OrderNews {}
    }
}
