package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.WorkerState;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online workers whose location went stale are not offered orders (the batch leaves them out); this asks them, once per
 * staleness period, to share it again. The location they share brings them back into the pool.
 */
@Service
public class AskingForLocations {

    private static final Logger log = LoggerFactory.getLogger(AskingForLocations.class);

    private final WorkerRoster roster;
    private final WorkerMessages messages;
    private final DispatchSettings settings;
    private final DispatchClock clock;

    AskingForLocations(WorkerRoster roster, WorkerMessages messages, DispatchSettings settings, DispatchClock clock) {
        this.roster = roster;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns how many workers were asked. */
    @Transactional
    public int askStale() {
        Instant now = clock.now();
        int asked = 0;
        for (String workerId : roster.lockWorkersToAskForLocation(now.minus(settings.locationStaleAfter()))) {
            var worker = roster.worker(workerId);
            if (worker.isEmpty()) {
                continue;
            }
            WorkerState state = roster.lockState(workerId);
            if (state.awaiting() == WorkerState.Awaiting.NOTHING) {
                // the shared location is then answered ("you are online") like the one that brought them online
                roster.saveState(state.expecting(WorkerState.Awaiting.LOCATION, null), now);
            }
            roster.markLocationRequested(workerId, now);
            messages.askLocation(worker.get(), "ask.location.stale");
            asked++;
        }
        if (asked > 0) {
            log.info("asked {} online workers with a stale location to share it again", asked);
        }
        return asked;
    }
}
