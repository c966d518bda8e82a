package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Earning;
import co.wpfoods.dispatch.delivery.domain.EarningsPolicy;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pickup, the PIN at the door, and problems on the way; the earning is booked once, with the delivery. */
@Service
public class Delivering {

    private final DispatchOrders dispatchOrders;
    private final WorkerRoster roster;
    private final Deliveries deliveries;
    private final EarningsBook earningsBook;
    private final OpsDesk opsDesk;
    private final DeliveryEvents events;
    private final WorkerMessages messages;
    private final DispatchSettings settings;
    private final DispatchClock clock;
    private final EarningsPolicy earnings;

    Delivering(
            DispatchOrders dispatchOrders,
            WorkerRoster roster,
            Deliveries deliveries,
            EarningsBook earningsBook,
            OpsDesk opsDesk,
            DeliveryEvents events,
            WorkerMessages messages,
            DispatchSettings settings,
            DispatchClock clock) {
        this.dispatchOrders = dispatchOrders;
        this.roster = roster;
        this.deliveries = deliveries;
        this.earningsBook = earningsBook;
        this.opsDesk = opsDesk;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.earnings = settings.earnings();
    }

    /** The worker's delivery for this order (or their current one when {@code orderId} is null). */
    public Optional<Delivery> current(WorkerProfile worker, String orderId) {
        if (orderId != null) {
            return deliveries.lockDelivery(orderId).filter(d -> d.workerId().equals(worker.workerId()));
        }
        return deliveries.activeDeliveriesOf(worker.workerId()).stream().findFirst();
    }

    @Transactional
    public void pickUp(WorkerProfile worker, String orderId) {
        Optional<Delivery> found = current(worker, orderId);
        if (found.isEmpty()) {
            messages.say(worker, "worker:" + worker.workerId(), "no.delivery");
            return;
        }
        Delivery delivery = deliveries.lockDelivery(found.get().orderId()).orElseThrow();
        DispatchOrder order = dispatchOrders.order(delivery.orderId()).orElseThrow();
        Instant now = clock.now();
        switch (delivery.pickUp(now)) {
            case Delivery.PickedUpNow(Delivery picked) -> {
                deliveries.saveDelivery(picked, null);
                dispatchOrders.setStatus(order.orderId(), DispatchOrder.Status.PICKED_UP);
                WorkerState state = roster.lockState(worker.workerId());
                events.pickedUp(order, worker, state.location(), now);
                messages.pickedUp(worker, order);
            }
            case Delivery.Unchanged(Delivery same, Delivery.Status was) -> unchanged(worker, order, was);
            default -> throw new IllegalStateException("pickUp cannot end " + delivery);
        }
    }

    /** "Entregado": ask for the PIN (the next 4 digits the worker sends are read as the PIN). */
    @Transactional
    public void askPin(WorkerProfile worker, WorkerState state, String orderId) {
        Optional<Delivery> found = current(worker, orderId);
        if (found.isEmpty()) {
            messages.say(worker, "worker:" + worker.workerId(), "no.delivery");
            return;
        }
        DispatchOrder order = dispatchOrders.order(found.get().orderId()).orElseThrow();
        Delivery delivery = found.get();
        if (delivery.status() == Delivery.Status.PICKED_UP && delivery.pinAttempts() >= settings.maxPinAttempts()) {
            messages.say(worker, WorkerMessages.about(order.orderId()), "pin.locked", delivery.pinAttempts());
        } else if (delivery.status() == Delivery.Status.PICKED_UP) {
            roster.saveState(state.expecting(WorkerState.Awaiting.PIN, order.orderId()), clock.now());
            messages.say(worker, WorkerMessages.about(order.orderId()), "ask.pin", messages.customer(worker, order));
        } else {
            unchanged(worker, order, delivery.status());
        }
    }

    /** The PIN the worker typed for the order they are at. */
    @Transactional
    public void pin(WorkerProfile worker, WorkerState state, String orderId, String pin) {
        Optional<Delivery> found = current(worker, orderId);
        if (found.isEmpty()) {
            roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), clock.now());
            messages.say(worker, "worker:" + worker.workerId(), "no.delivery");
            return;
        }
        Delivery delivery = deliveries.lockDelivery(found.get().orderId()).orElseThrow();
        DispatchOrder order = dispatchOrders.order(delivery.orderId()).orElseThrow();
        Instant now = clock.now();
        switch (delivery.deliver(pin, order.deliveryPin(), settings.maxPinAttempts(), now)) {
            case Delivery.DeliveredNow(Delivery done) -> {
                int meters = order.tripMeters();
                deliveries.saveDelivery(done, meters);
                dispatchOrders.setStatus(order.orderId(), DispatchOrder.Status.DELIVERED);
                roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
                Earning earning = earnings.quote(meters, now, opsDesk.raining(order.zone()));
                earningsBook.bookEarning(order.orderId(), worker.workerId(), earning, now);
                events.delivered(order, worker.workerId(), meters, now);
                messages.say(
                        worker,
                        WorkerMessages.about(order.orderId()),
                        "delivered",
                        order.reference(),
                        messages.money(worker, earning.totalCop()));
            }
            case Delivery.WrongPin(Delivery tried, int left) -> {
                deliveries.saveDelivery(tried, null);
                messages.say(worker, WorkerMessages.about(order.orderId()), "pin.wrong", left);
            }
            case Delivery.PinLocked(Delivery tried) -> {
                deliveries.saveDelivery(tried, null);
                roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
                opsDesk.alert(
                        "PIN_FAILED",
                        order.orderId(),
                        worker.workerId(),
                        "the PIN did not match " + tried.pinAttempts() + " times",
                        now);
                messages.say(worker, WorkerMessages.about(order.orderId()), "pin.locked", tried.pinAttempts());
            }
            case Delivery.Unchanged(Delivery same, Delivery.Status was) -> {
                roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
                unchanged(worker, order, was);
            }
            default -> throw new IllegalStateException("deliver cannot end " + delivery);
        }
    }

    /** Shows the problem menu for the current delivery. */
    @Transactional
    public void problemMenu(WorkerProfile worker) {
        current(worker, null)
                .flatMap(d -> dispatchOrders.order(d.orderId()))
                .ifPresentOrElse(
                        order -> messages.problemMenu(worker, order),
                        () -> messages.say(worker, "worker:" + worker.workerId(), "no.delivery"));
    }

    /** A problem reaches ops (queue and alert); the worker is told it did. */
    @Transactional
    public void report(WorkerProfile worker, String orderId, String kind) {
        Instant now = clock.now();
        DispatchOrder order = dispatchOrders.order(orderId).orElseThrow();
        opsDesk.report(worker.workerId(), orderId, kind, now);
        opsDesk.alert("PROBLEM_" + kind, orderId, worker.workerId(), "reported by the rapitendero", now);
        messages.say(worker, WorkerMessages.about(orderId), "problem.reported", order.reference());
    }

    private void unchanged(WorkerProfile worker, DispatchOrder order, Delivery.Status was) {
        String key = switch (was) {
            case DELIVERED -> "delivered.already";
            case PICKED_UP -> "picked.already";
            case ASSIGNED -> "not.picked";
            case CANCELLED -> "order.cancelled";
        };
        messages.say(worker, WorkerMessages.about(order.orderId()), key, order.reference());
    }
}
