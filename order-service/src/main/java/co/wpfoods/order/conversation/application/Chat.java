package co.wpfoods.order.conversation.application;

import co.wpfoods.schemas.wa.OutboundCommand;

/** Sends replies: each command is written through the outbox in the caller's transaction. */
public interface Chat {

    void send(OutboundCommand command);
}
