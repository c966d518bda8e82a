package co.wpfoods.dispatch.delivery.application;

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

    private final DispatchOrders dispatchOrders;
    private final WorkerRoster roster;
    private final OfferBook offerBook;
    private final Deliveries deliveries;
    private final WorkerMessages messages;
    private final DispatchClock clock;

    TrackingOrders(
            DispatchOrders dispatchOrders,
            WorkerRoster roster,
            OfferBook offerBook,
            Deliveries deliveries,
            WorkerMessages messages,
            DispatchClock clock) {
        this.dispatchOrders = dispatchOrders;
        this.roster = roster;
        this.offerBook = offerBook;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public void placed(DispatchOrder order) {
        dispatchOrders.addOrder(order);
    }

    /** The restaurant accepted: the order waits in its zone's pool for the next batch. */
    @Transactional
    public void confirmed(String orderId, Instant estimatedReadyAt) {
        dispatchOrders
                .lockOrder(orderId)
                .filter(order -> order.status() == DispatchOrder.Status.PLACED)
                .ifPresent(order -> dispatchOrders.pool(orderId, estimatedReadyAt, clock.now()));
    }

    @Transactional
    public void ready(String orderId) {
        dispatchOrders.lockOrder(orderId).ifPresent(order -> {
            dispatchOrders.markReady(orderId);
            deliveries
                    .lockDelivery(orderId)
                    .filter(d -> d.status() == Delivery.Status.ASSIGNED)
                    .flatMap(d -> roster.worker(d.workerId()))
                    .ifPresent(worker ->
                            messages.say(worker, orderId, "order.ready", order.reference(), order.restaurantName()));
        });
    }

    /** Withdraws an open offer or stops the delivery, and tells the worker. */
    @Transactional
    public void cancelled(String orderId) {
        dispatchOrders
                .lockOrder(orderId)
                .filter(order -> !order.status().finished())
                .ifPresent(order -> {
                    Instant now = clock.now();
                    offerBook.pendingOfferFor(orderId).ifPresent(offer -> {
                        offerBook.answer(offer.offerId(), Offer.Answer.WITHDRAWN, now);
                        roster.worker(offer.workerId())
                                .ifPresent(w -> messages.say(
                                        w, WorkerMessages.about(orderId), "order.cancelled", order.reference()));
                    });
                    deliveries.lockDelivery(orderId).ifPresent(delivery -> {
                        if (delivery.cancel() instanceof Delivery.CancelledNow(Delivery cancelled)) {
                            deliveries.saveDelivery(cancelled, null);
                            WorkerState state = roster.lockState(delivery.workerId());
                            if (orderId.equals(state.awaitingOrder())) {
                                roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
                            }
                            roster.worker(delivery.workerId())
                                    .ifPresent(w -> messages.say(
                                            w, WorkerMessages.about(orderId), "order.cancelled", order.reference()));
                        }
                    });
                    dispatchOrders.setStatus(orderId, DispatchOrder.Status.CANCELLED);
                });
    }
}
