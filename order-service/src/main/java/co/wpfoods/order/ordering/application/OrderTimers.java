package co.wpfoods.order.ordering.application;

import co.wpfoods.order.ordering.domain.Order;

/** Persistent timers for an order, scheduled in the caller's transaction (they fire once, across replicas). */
public interface OrderTimers {

    /** Remind the restaurant, then cancel with RESTAURANT_TIMEOUT if the order is still PENDING. */
    void restaurantMustAnswer(Order order);

    /** Cancel with PAYMENT_FAILED if the order is still AWAITING_PAYMENT. */
    void paymentMustArrive(Order order);
}
