package co.wpfoods.dispatch.delivery.adapter.out.whatsapp;

import co.wpfoods.dispatch.delivery.application.WorkerChat;
import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import org.springframework.stereotype.Component;

/** Replies to {@code wa.outbound.v1} (keyed by the worker's wa_id) through the outbox, in the caller's transaction. */
@Component
class OutboxWorkerChat implements WorkerChat {

    private final OutboxWriter outbox;

    OutboxWorkerChat(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(OutboundCommand command) {
        outbox.append(OutboxEvent.of(
                Topics.WhatsApp.OUTBOUND, command.getTo().getWaId(), command, command.getCorrelationId()));
    }
}
