package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker accepts or declines an offer, or it expires. Accepting makes the assignment; declining or expiring puts the
 * order back into its pool, where the next batch leaves this worker out.
 */
@Service
public class AnsweringOffers {

    private final DispatchOrders dispatchOrders;
    private final WorkerRoster roster;
    private final OfferBook offerBook;
    private final Deliveries deliveries;
    private final DeliveryEvents events;
    private final WorkerMessages messages;
    private final DispatchSettings settings;
    private final DispatchClock clock;

    AnsweringOffers(
            DispatchOrders dispatchOrders,
            WorkerRoster roster,
            OfferBook offerBook,
            Deliveries deliveries,
            DeliveryEvents events,
            WorkerMessages messages,
            DispatchSettings settings,
            DispatchClock clock) {
        this.dispatchOrders = dispatchOrders;
        this.roster = roster;
        this.offerBook = offerBook;
        this.deliveries = deliveries;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void accept(WorkerProfile worker, String offerId) {
        Instant now = clock.now();
        Optional<Offer> open = pendingOf(worker, offerId);
        if (open.isEmpty()) {
            messages.say(worker, "worker:" + worker.workerId(), "offer.gone");
            return;
        }
        Offer offer = open.get();
        if (!now.isBefore(offer.expiresAt())) {
            expire(offer, now);
            return;
        }
        DispatchOrder order = dispatchOrders.lockOrder(offer.orderId()).orElseThrow();
        if (order.status() != DispatchOrder.Status.OFFERED
                || deliveries.activeDeliveriesOf(worker.workerId()).size() >= settings.maxActiveDeliveries()) {
            offerBook.answer(offer.offerId(), Offer.Answer.WITHDRAWN, now);
            messages.say(worker, WorkerMessages.about(order.orderId()), "offer.gone");
            return;
        }
        offerBook.answer(offer.offerId(), Offer.Answer.ACCEPTED, now);
        deliveries.addDelivery(Delivery.assigned(order.orderId(), worker.workerId()), offer.offerId(), now);
        dispatchOrders.setStatus(order.orderId(), DispatchOrder.Status.ASSIGNED);
        long travelSeconds =
                Math.round(offer.distanceMeters() / worker.vehicle().metersPerSecond());
        events.workerAssigned(order, worker, now.plusSeconds(travelSeconds), now);
        messages.accepted(worker, order);
        if (order.ready()) {
            messages.say(
                    worker,
                    WorkerMessages.about(order.orderId()),
                    "order.ready",
                    order.reference(),
                    order.restaurantName());
        }
    }

    /** The worker said no (or went offline: {@code reason} "offline"). */
    @Transactional
    public void decline(WorkerProfile worker, String offerId, String reason) {
        Optional<Offer> open = pendingOf(worker, offerId);
        if (open.isEmpty()) {
            messages.say(worker, "worker:" + worker.workerId(), "offer.gone");
            return;
        }
        Instant now = clock.now();
        Offer offer = open.get();
        offerBook.answer(offer.offerId(), Offer.Answer.DECLINED, now);
        backToPool(offer, now);
        events.offerDeclined(offer, reason, now);
        if ("suspended".equals(reason)) {
            return; // the worker is told of the suspension itself
        }
        if ("offline".equals(reason)) {
            dispatchOrders
                    .order(offer.orderId())
                    .ifPresent(o ->
                            messages.say(worker, WorkerMessages.about(o.orderId()), "offline.offer", o.reference()));
        } else {
            messages.say(worker, WorkerMessages.about(offer.orderId()), "offer.declined");
        }
    }

    /** The offer's timer fired: if still unanswered, it expires and the order goes back to the pool. */
    @Transactional
    public void expire(String offerId) {
        offerBook
                .lockOffer(offerId)
                .filter(offer -> offer.answer() == Offer.Answer.PENDING)
                .ifPresent(offer -> expire(offer, clock.now()));
    }

    private void expire(Offer offer, Instant now) {
        offerBook.answer(offer.offerId(), Offer.Answer.EXPIRED, now);
        backToPool(offer, now);
        events.offerExpired(offer, now);
        roster.worker(offer.workerId())
                .ifPresent(worker -> dispatchOrders
                        .order(offer.orderId())
                        .ifPresent(o -> messages.say(
                                worker, WorkerMessages.about(o.orderId()), "offer.expired", o.reference())));
    }

    private void backToPool(Offer offer, Instant now) {
        dispatchOrders
                .lockOrder(offer.orderId())
                .filter(order -> order.status() == DispatchOrder.Status.OFFERED)
                .ifPresent(order -> dispatchOrders.pool(order.orderId(), null, now));
    }

    private Optional<Offer> pendingOf(WorkerProfile worker, String offerId) {
        return offerBook
                .lockOffer(offerId)
                .filter(offer -> offer.workerId().equals(worker.workerId()))
                .filter(offer -> offer.answer() == Offer.Answer.PENDING);
    }
}
