package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.matching.domain.Vehicle;
import co.wpfoods.dispatch.worker.application.RegisteringWorker;
import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.schemas.wa.WaId;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ops register a rapitendero: stored, announced, and welcomed by chat (asked to confirm), in one transaction. */
@Service
public class OnboardingWorker {

    private final RegisteringWorker registering;
    private final WorkerRoster roster;
    private final WorkerMessages messages;
    private final DispatchClock clock;

    OnboardingWorker(RegisteringWorker registering, WorkerRoster roster, WorkerMessages messages, DispatchClock clock) {
        this.registering = registering;
        this.roster = roster;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Worker onboard(String name, WaId waId, Vehicle vehicle, String zone, Locale locale) {
        Worker worker = registering.register(name, waId);
        roster.setWorkerDetails(worker.id().value(), vehicle, zone, locale);
        roster.saveState(roster.lockState(worker.id().value()), clock.now());
        messages.welcome(roster.worker(worker.id().value()).orElseThrow());
        return worker;
    }
}
