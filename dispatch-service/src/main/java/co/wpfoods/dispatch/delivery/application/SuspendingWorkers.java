package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ops suspend and reinstate a rapitendero. A suspended worker gets no offers (the batch leaves them out), is taken
 * offline (a pending offer is declined, reason {@code suspended}, so the order moves on), is told, and cannot go online
 * until reinstated. A delivery already under way stays with them: the food is in their hands; ops follow it up.
 */
@Service
public class SuspendingWorkers {

    public enum Outcome {
        DONE,
        ALREADY,
        UNKNOWN_WORKER
    }

    private final WorkerRoster roster;
    private final OfferBook offerBook;
    private final OpsDesk opsDesk;
    private final DeliveryEvents events;
    private final WorkerMessages messages;
    private final AnsweringOffers offers;
    private final DispatchClock clock;

    SuspendingWorkers(
            WorkerRoster roster,
            OfferBook offerBook,
            OpsDesk opsDesk,
            DeliveryEvents events,
            WorkerMessages messages,
            AnsweringOffers offers,
            DispatchClock clock) {
        this.roster = roster;
        this.offerBook = offerBook;
        this.opsDesk = opsDesk;
        this.events = events;
        this.messages = messages;
        this.offers = offers;
        this.clock = clock;
    }

    @Transactional
    public Outcome suspend(String workerId, String reason) {
        Optional<WorkerProfile> found = roster.worker(workerId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_WORKER;
        }
        WorkerState state = roster.lockState(workerId); // one change of this worker at a time, with its messages
        if (!roster.setSuspended(workerId, true)) {
            return Outcome.ALREADY;
        }
        WorkerProfile worker = found.get();
        Instant now = clock.now();
        offerBook.pendingOfferOf(workerId).ifPresent(offer -> offers.decline(worker, offer.offerId(), "suspended"));
        if (state.online()) {
            roster.saveState(state.withOnline(false).expecting(WorkerState.Awaiting.NOTHING, null), now);
            roster.endSession(workerId, "suspended", now);
            events.workerOffline(worker, "suspended", now);
        } else if (state.awaiting() == WorkerState.Awaiting.LOCATION) {
            roster.saveState(state.expecting(WorkerState.Awaiting.NOTHING, null), now);
        }
        opsDesk.alert("WORKER_SUSPENDED", null, workerId, reason, now);
        messages.say(worker, "worker:" + workerId, "suspended");
        return Outcome.DONE;
    }

    @Transactional
    public Outcome reinstate(String workerId) {
        Optional<WorkerProfile> found = roster.worker(workerId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_WORKER;
        }
        roster.lockState(workerId);
        if (!roster.setSuspended(workerId, false)) {
            return Outcome.ALREADY;
        }
        messages.reinstated(found.get());
        return Outcome.DONE;
    }
}
