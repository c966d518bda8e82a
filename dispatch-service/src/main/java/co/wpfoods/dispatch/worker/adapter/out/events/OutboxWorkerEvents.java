package co.wpfoods.dispatch.worker.adapter.out.events;

import co.wpfoods.dispatch.worker.application.WorkerEvents;
import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.WorkerRegistered;
import org.springframework.stereotype.Component;

/** Worker events → Avro → outbox rows on {@code dispatch.worker.v1}, keyed by worker id. */
@Component
class OutboxWorkerEvents implements WorkerEvents {

    private final OutboxWriter outbox;

    OutboxWorkerEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void registered(Worker.Registered event) {
        Worker worker = event.worker();
        var record = WorkerRegistered.newBuilder()
                .setWorkerId(worker.id().value())
                .setName(worker.name())
                .setWaId(worker.waId().value())
                .setActive(worker.active())
                .setOccurredAt(event.occurredAt())
                .build();
        outbox.append(OutboxEvent.of(
                Topics.Dispatch.WORKER, worker.id().value(), record, worker.id().value()));
    }
}
