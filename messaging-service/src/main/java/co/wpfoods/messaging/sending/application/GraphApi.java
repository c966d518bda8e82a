package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.domain.GraphOutcome;
import co.wpfoods.schemas.wa.OutboundCommand;

/** The Graph API's messages endpoint, as the sender needs it. */
public interface GraphApi {

    /**
     * Renders the command as Meta's message body and POSTs it to {@code /{version}/{phone-number-id}/messages}, in a
     * span continuing {@code traceparent} (the trace the command arrived in; a new trace when null) whose W3C
     * {@code traceparent} goes on the request; every failure comes back as an outcome.
     */
    GraphOutcome send(OutboundCommand command, String traceparent);

    /** A call that sends nothing; true when the current access token is accepted. */
    boolean tokenWorks();

    /** True while the circuit breaker keeps calls from going out. */
    boolean circuitOpen();
}
