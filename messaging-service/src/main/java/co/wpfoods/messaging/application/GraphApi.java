package co.wpfoods.messaging.application;

import co.wpfoods.messaging.domain.GraphOutcome;
import co.wpfoods.schemas.wa.OutboundCommand;

/** The Graph API's messages endpoint, as the sender needs it. */
public interface GraphApi {

    /**
     * Renders the command as Meta's message body and POSTs it to {@code /{version}/{phone-number-id}/messages}; every
     * failure comes back as an outcome.
     */
    GraphOutcome send(OutboundCommand command);

    /** A call that sends nothing; true when the current access token is accepted. */
    boolean tokenWorks();

    /** True while the circuit breaker keeps calls from going out. */
    boolean circuitOpen();
}
