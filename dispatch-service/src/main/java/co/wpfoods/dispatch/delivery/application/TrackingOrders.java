package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.adapter.out.db.DispatchStore;
import co.wpfoods.dispatch.delivery.conversation.WorkerMessages;
import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the order read model from order-service's events and tells the worker what changes for them. */
@Service
public class TrackingOrders {

    private final DispatchStore store;
    private final WorkerMessages messages;
    private final DispatchClock clock;

    TrackingOrders(DispatchStore store, WorkerMessages messages, DispatchClock clock) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public void placed(DispatchOrder order) {
        store.addOrder(order);
    }

    /** The restaurant accepted: the order waits in its zone's pool for the next batch. */
    @Transactional
    public void confirmed(String orderId, Instant estimatedReadyAt) {
        store.lockOrder(orderId)
                .filter(order -> order.status() == DispatchOrder.Status.PLACED)
                .ifPresent(order -> store.pool(orderId, estimatedReadyAt, clock.now()));
    }

    @Transactional
    public void ready(String orderId) {
        store.lockOrder(orderId).ifPresent(order -> {
            store.markReady(orderId);
            store.lockDelivery(orderId)
                    .filter(d -> d.status() == Delivery.Status.ASSIGNED)
                    .flatMap(d -> store.worker(d.workerId()))
                    .ifPresent(worker ->
                            messages.say(worker, orderId, "order.ready", order.reference(), order.restaurantName()));
        });
    }

    /** Withdraws an open offer or stops the delivery, and tells the worker. */
    @Transactional
    public void cancelled(String orderId) {
        store.lockOrder(orderId).filter(order -> !order.status().finished()).ifPresent(order -> {
            Instant now = clock.now();
            store.pendingOfferFor(orderId).ifPresent(offer -> {
                store.answer(offer.offerId(), Offer.Answer.WITHDRAWN, now);
                store.worker(offer.workerId())
                        .ifPresent(w -> messages.say(w, orderId, "order.cancelled", order.reference()));
            });
            store.lockDelivery(orderId).ifPresent(delivery -> {
                if (delivery.cancel() instanceof Delivery.CancelledNow(Delivery cancelled)) {
                    store.saveDelivery(cancelled, null);
                    WorkerState state = store.lockState(delivery.workerId());
                    if (orderId.equals(state.awaitingOrder())) {
                        store.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
                    }
                    store.worker(delivery.workerId())
                            .ifPresent(w -> messages.say(w, orderId, "order.cancelled", order.reference()));
                }
            });
            store.setStatus(orderId, DispatchOrder.Status.CANCELLED);
        });
    }
}
