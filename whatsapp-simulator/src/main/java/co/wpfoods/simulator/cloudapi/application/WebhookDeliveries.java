package co.wpfoods.simulator.cloudapi.application;

import java.time.Instant;
import java.util.List;

/** What the webhook side tells about its deliveries, and the GET verification handshake (port). */
public interface WebhookDeliveries {

    /** One webhook POST (and its retries) as shown by {@code GET /sim/api/deliveries}. */
    record Delivery(
            long id,
            String kind,
            boolean duplicate,
            String state,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt,
            String body) {}

    List<Delivery> deliveries();

    /** Meta's handshake (reference §1) against the current webhook URL; true when the challenge came back. */
    boolean verify(String verifyToken);

    void clear();
}
