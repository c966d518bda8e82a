package co.wpfoods.messaging.application;

import co.wpfoods.messaging.domain.GraphOutcome;

/** The Graph API's messages endpoint, as the sender needs it. */
public interface GraphApi {

    /** POSTs one body to {@code /{version}/{phone-number-id}/messages}; every failure comes back as an outcome. */
    GraphOutcome send(String jsonBody);

    /** A call that sends nothing; true when the current access token is accepted. */
    boolean tokenWorks();

    /** True while the circuit breaker keeps calls from going out. */
    boolean circuitOpen();
}
