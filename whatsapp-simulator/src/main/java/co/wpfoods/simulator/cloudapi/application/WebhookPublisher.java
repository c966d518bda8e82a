package co.wpfoods.simulator.cloudapi.application;

import tools.jackson.databind.node.ObjectNode;

/** Delivers webhook notifications to WPFoods (port; the adapter signs, posts and retries). */
public interface WebhookPublisher {

    /**
     * Sends one {@code value} (with {@code messages} or {@code statuses}) inside Meta's envelope.
     *
     * @param onDelivered run once our receiver answered 200
     */
    void publish(ObjectNode value, Runnable onDelivered);

    /**
     * Sends a whole body as given (a batch of several entries, a BSUID-style payload, another
     * webhook field …), escaped and signed like every webhook; {@code badSignature} signs it with
     * a wrong key so WPFoods' rejection can be tested.
     */
    void publishRaw(tools.jackson.databind.JsonNode body, boolean badSignature);
}
