package co.wpfoods.order.conversation.adapter.out.chat;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.order.conversation.application.Chat;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import org.springframework.stereotype.Component;

/** Replies → outbox rows on {@code wa.outbound.v1}, keyed by recipient so one person's messages keep their order. */
@Component
class OutboxChat implements Chat {

    private final OutboxWriter outbox;

    OutboxChat(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(OutboundCommand command) {
        var to = command.getTo();
        String key = to.getWaId() != null && !to.getWaId().isEmpty() ? to.getWaId() : to.getUserId();
        outbox.append(OutboxEvent.of(Topics.WhatsApp.OUTBOUND, key, command, command.getCorrelationId()));
    }
}
