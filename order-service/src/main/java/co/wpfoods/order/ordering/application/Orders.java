package co.wpfoods.order.ordering.application;

import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.ordering.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders are kept. */
public interface Orders {

    OrderReference nextReference();

    void add(Order order);

    /** Saves a moved order; fails with {@link ConcurrentOrderChangeException} if someone else moved it first. */
    Order save(Order order);

    Optional<Order> find(OrderId id);

    Optional<Order> find(OrderReference reference);

    /** The customer's most recent order, if any. */
    Optional<Order> lastOf(String customerKey);

    long placedSince(String customerKey, Instant since);

    /** One page of a restaurant's orders, newest first; {@code status} null = any. */
    List<Order> ofRestaurant(RestaurantId restaurant, OrderStatus status, Instant from, Instant to, int page, int size);

    void rememberPaymentLink(OrderId id, String url);
}
