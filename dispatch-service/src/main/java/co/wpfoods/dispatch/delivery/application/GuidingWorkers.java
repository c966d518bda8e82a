package co.wpfoods.dispatch.delivery.application;

import static co.wpfoods.dispatch.delivery.application.WorkerMessages.accept;
import static co.wpfoods.dispatch.delivery.application.WorkerMessages.decline;
import static co.wpfoods.dispatch.delivery.application.WorkerMessages.delivered;
import static co.wpfoods.dispatch.delivery.application.WorkerMessages.pickedUp;

import co.wpfoods.dispatch.delivery.application.WorkerMessages.Option;
import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a worker where they stand, with the buttons that move them on: confirm the registration first; suspended;
 * the delivery under way (Recogido, then Entregado or the PIN being asked); the offer waiting for an answer; the
 * location asked for; online; offline. Answers a greeting, a location nobody asked for and anything a worker sends
 * before confirming, so no message of a known worker goes unanswered.
 */
@Service
public class GuidingWorkers {

    private final DispatchOrders dispatchOrders;
    private final OfferBook offerBook;
    private final Deliveries deliveries;
    private final WorkerMessages messages;

    GuidingWorkers(DispatchOrders dispatchOrders, OfferBook offerBook, Deliveries deliveries, WorkerMessages messages) {
        this.dispatchOrders = dispatchOrders;
        this.offerBook = offerBook;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    /**
     * @param lead the bundle key of an opening sentence (its argument is the worker's first name), or null
     */
    @Transactional
    public void guide(WorkerProfile worker, WorkerState state, String lead) {
        String opening = lead == null ? "" : messages.text(worker, lead, worker.firstName()) + " ";
        String self = "worker:" + worker.workerId();
        if (!state.confirmed()) {
            messages.prompt(
                    worker,
                    self,
                    opening + messages.text(worker, "not.confirmed"),
                    List.of(new Option(WorkerMessages.CONFIRM, "btn.confirm")));
            return;
        }
        List<Delivery> active = deliveries.activeDeliveriesOf(worker.workerId());
        if (!active.isEmpty()) {
            Delivery delivery = active.getFirst();
            DispatchOrder order = dispatchOrders.order(delivery.orderId()).orElseThrow();
            if (delivery.status() == Delivery.Status.ASSIGNED) {
                messages.prompt(
                        worker,
                        WorkerMessages.about(order.orderId()),
                        opening + messages.text(worker, "status.assigned", order.reference(), order.restaurantName()),
                        List.of(
                                new Option(pickedUp(order.orderId()), "btn.picked"),
                                new Option(WorkerMessages.PROBLEM, "btn.problem")));
            } else if (state.awaiting() == WorkerState.Awaiting.PIN
                    && order.orderId().equals(state.awaitingOrder())) {
                messages.say(
                        worker,
                        WorkerMessages.about(order.orderId()),
                        "status.pin",
                        opening,
                        messages.customer(worker, order));
            } else {
                messages.prompt(
                        worker,
                        WorkerMessages.about(order.orderId()),
                        opening + messages.text(worker, "status.picked", order.reference()),
                        List.of(
                                new Option(delivered(order.orderId()), "btn.delivered"),
                                new Option(WorkerMessages.PROBLEM, "btn.problem")));
            }
            return;
        }
        if (worker.suspended()) {
            messages.prompt(
                    worker,
                    self,
                    opening + messages.text(worker, "status.suspended"),
                    List.of(
                            new Option(WorkerMessages.EARNINGS, "btn.earnings"),
                            new Option(WorkerMessages.HELP, "btn.help")));
            return;
        }
        Optional<Offer> offer = offerBook.pendingOfferOf(worker.workerId());
        Optional<DispatchOrder> offered = offer.flatMap(o -> dispatchOrders.order(o.orderId()));
        if (offer.isPresent() && offered.isPresent()) {
            messages.prompt(
                    worker,
                    WorkerMessages.about(offered.get().orderId()),
                    opening
                            + messages.text(
                                    worker, "status.offer", offered.get().reference()),
                    List.of(
                            new Option(accept(offer.get().offerId()), "btn.accept"),
                            new Option(decline(offer.get().offerId()), "btn.decline")));
            return;
        }
        if (state.awaiting() == WorkerState.Awaiting.LOCATION) {
            messages.askLocationWith(
                    worker, opening + messages.text(worker, state.online() ? "ask.location.stale" : "ask.location"));
            return;
        }
        if (state.online()) {
            messages.prompt(
                    worker,
                    self,
                    opening + messages.text(worker, "status.online"),
                    List.of(
                            new Option(WorkerMessages.OFFLINE, "btn.offline"),
                            new Option(WorkerMessages.EARNINGS, "btn.earnings")));
            return;
        }
        messages.prompt(
                worker,
                self,
                opening + messages.text(worker, "status.offline"),
                List.of(
                        new Option(WorkerMessages.ONLINE, "btn.online"),
                        new Option(WorkerMessages.EARNINGS, "btn.earnings"),
                        new Option(WorkerMessages.HELP, "btn.help")));
    }

    /** A worker ops deactivated: told so, nothing else changes. */
    @Transactional
    public void inactive(WorkerProfile worker) {
        messages.say(worker, "worker:" + worker.workerId(), "status.inactive");
    }
}
