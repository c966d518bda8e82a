package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.adapter.out.db.DispatchStore;
import co.wpfoods.dispatch.delivery.conversation.WorkerMessages;
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
    private final DispatchStore store;
    private final WorkerMessages messages;
    private final DispatchClock clock;

    OnboardingWorker(RegisteringWorker registering, DispatchStore store, WorkerMessages messages, DispatchClock clock) {
        this.registering = registering;
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Worker onboard(String name, WaId waId, Vehicle vehicle, String zone, Locale locale) {
        Worker worker = registering.register(name, waId);
        store.setWorkerDetails(worker.id().value(), vehicle, zone, locale);
        store.saveState(store.lockState(worker.id().value()), clock.now());
        messages.welcome(store.worker(worker.id().value()).orElseThrow());
        return worker;
    }
}
