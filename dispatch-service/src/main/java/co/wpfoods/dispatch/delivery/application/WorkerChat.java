package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.schemas.wa.OutboundCommand;

/** Port: a message to a worker on WhatsApp, sent with the caller's transaction (or not at all). */
public interface WorkerChat {

    void send(OutboundCommand command);
}
