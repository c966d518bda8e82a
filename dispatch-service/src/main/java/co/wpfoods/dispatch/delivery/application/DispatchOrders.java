package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: The orders dispatch knows (the read model filled from order events) and their pools. Implemented by the database adapter; every method joins the caller's transaction. */
public interface DispatchOrders {

    /** Stores the order once; false when it was already there (a replayed event). */
    boolean addOrder(DispatchOrder o);

    Optional<DispatchOrder> lockOrder(String orderId);

    Optional<DispatchOrder> order(String orderId);

    void setStatus(String orderId, DispatchOrder.Status status);

    /** Into the pool (again): the first time also starts the no-worker clock. */
    void pool(String orderId, Instant estimatedReadyAt, Instant now);

    void markReady(String orderId);

    void markDelayReported(String orderId);

    /** Every pooled order, locked for this batch (another replica's batch skips them). */
    List<DispatchOrder> lockPool();
}
