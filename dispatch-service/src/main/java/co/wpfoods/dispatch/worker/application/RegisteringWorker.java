package co.wpfoods.dispatch.worker.application;

import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.schemas.wa.WaId;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A rapitendero joins: stored and announced (WorkerRegistered) in one transaction. */
@Service
public class RegisteringWorker {

    private final Workers workers;
    private final WorkerEvents events;
    private final Clock clock;

    @Autowired
    public RegisteringWorker(Workers workers, WorkerEvents events, ObjectProvider<Clock> clock) {
        this(workers, events, clock.getIfAvailable(Clock::systemUTC));
    }

    RegisteringWorker(Workers workers, WorkerEvents events, Clock clock) {
        this.workers = workers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Worker register(String name, WaId waId) {
        workers.byNumber(waId).ifPresent(existing -> {
            throw new NumberTakenException(existing);
        });
        var registration = Worker.register(name, waId, clock.instant());
        workers.add(registration.worker());
        events.registered(registration.event());
        return registration.worker();
    }
}
