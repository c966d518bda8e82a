package co.wpfoods.order.ordering.application;

import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.ordering.domain.OrderEvent;

/** Publishes order events on {@code orders.order.v1}; joins the caller's transaction (outbox). */
public interface OrderEvents {

    void publish(OrderEvent event, Restaurant restaurant);
}
