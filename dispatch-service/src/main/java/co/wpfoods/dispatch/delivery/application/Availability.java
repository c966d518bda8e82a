package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirming the registration, going online and offline (availability sessions), sharing a location. */
@Service
public class Availability {

    private final DispatchOrders dispatchOrders;
    private final WorkerRoster roster;
    private final OfferBook offerBook;
    private final Deliveries deliveries;
    private final DeliveryEvents events;
    private final WorkerMessages messages;
    private final AnsweringOffers offers;
    private final DispatchSettings settings;
    private final DispatchClock clock;
    private final GuidingWorkers guiding;

    Availability(
            DispatchOrders dispatchOrders,
            WorkerRoster roster,
            OfferBook offerBook,
            Deliveries deliveries,
            DeliveryEvents events,
            WorkerMessages messages,
            AnsweringOffers offers,
            DispatchSettings settings,
            DispatchClock clock,
            GuidingWorkers guiding) {
        this.dispatchOrders = dispatchOrders;
        this.roster = roster;
        this.offerBook = offerBook;
        this.deliveries = deliveries;
        this.guiding = guiding;
        this.events = events;
        this.messages = messages;
        this.offers = offers;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void confirm(WorkerProfile worker, WorkerState state) {
        roster.saveState(state.asConfirmed(), clock.now());
        messages.confirmed(worker);
    }

    /** Online with a fresh location; otherwise the location is asked for first. */
    @Transactional
    public void goOnline(WorkerProfile worker, WorkerState state) {
        Instant now = clock.now();
        if (!state.confirmed()) {
            guiding.guide(worker, state, null);
            return;
        }
        if (worker.suspended()) {
            messages.say(worker, "worker:" + worker.workerId(), "suspended.cannot.online");
            return;
        }
        if (state.online() && state.locationFresh(now, settings.locationStaleAfter())) {
            messages.online(worker, "online.already");
            return;
        }
        if (!state.locationFresh(now, settings.locationStaleAfter())) {
            roster.saveState(state.expecting(WorkerState.Awaiting.LOCATION, null), now);
            messages.askLocation(worker, state.online() ? "ask.location.stale" : "ask.location");
            return;
        }
        online(worker, state, now);
    }

    @Transactional
    public void goOffline(WorkerProfile worker, WorkerState state, String reason) {
        Instant now = clock.now();
        List<Delivery> active = deliveries.activeDeliveriesOf(worker.workerId());
        if (!active.isEmpty()) {
            String reference = dispatchOrders
                    .order(active.getFirst().orderId())
                    .map(o -> o.reference())
                    .orElse("");
            messages.say(worker, "worker:" + worker.workerId(), "offline.busy", reference);
            return;
        }
        offerBook
                .pendingOfferOf(worker.workerId())
                .ifPresent(offer -> offers.decline(worker, offer.offerId(), "offline"));
        if (!state.online()) {
            roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
            messages.say(worker, "worker:" + worker.workerId(), "offline.already");
            return;
        }
        roster.saveState(state.withOnline(false).expecting(WorkerState.Awaiting.NOTHING, null), now);
        roster.endSession(worker.workerId(), reason, now);
        events.workerOffline(worker, reason, now);
        messages.say(worker, "worker:" + worker.workerId(), "offline");
    }

    /**
     * A shared or live location: kept as the latest, in the delivery's history, and it completes going online; one
     * nobody asked for is acknowledged with where the worker stands.
     */
    @Transactional
    public void located(WorkerProfile worker, WorkerState state, GeoPoint at) {
        Instant now = clock.now();
        WorkerState located = state.located(at, now);
        for (Delivery delivery : deliveries.activeDeliveriesOf(worker.workerId())) {
            roster.addLocation(worker.workerId(), delivery.orderId(), at, now, settings.locationHistoryPerDelivery());
        }
        if (state.awaiting() == WorkerState.Awaiting.LOCATION && worker.suspended()) {
            roster.saveState(located.expecting(WorkerState.Awaiting.NOTHING, null), now);
            messages.say(worker, "worker:" + worker.workerId(), "suspended.cannot.online");
        } else if (state.awaiting() == WorkerState.Awaiting.LOCATION) {
            online(worker, located.expecting(WorkerState.Awaiting.NOTHING, null), now);
        } else {
            roster.saveState(located, now);
            guiding.guide(worker, located, "location.received");
        }
    }

    private void online(WorkerProfile worker, WorkerState state, Instant now) {
        boolean wasOnline = state.online();
        roster.saveState(state.withOnline(true), now);
        if (!wasOnline) {
            roster.startSession(worker.workerId(), now);
            events.workerOnline(worker, state.location(), now);
        }
        messages.online(worker, wasOnline ? "online.already" : "online");
    }
}
