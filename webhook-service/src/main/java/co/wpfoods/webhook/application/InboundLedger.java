package co.wpfoods.webhook.application;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.domain.DedupKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's memory of what it has seen and published, and the raw archive. Every method runs inside the
 * caller's transaction; {@link #claim} locks the claimed rows until it ends, so a concurrent delivery of the same
 * event waits and then sees the outcome.
 */
public interface InboundLedger {

    /** Bounds how long this transaction waits for another delivery's row locks. */
    void limitLockWait(Duration wait);

    void archive(RawWebhook raw, int records);

    /** Records that these events were seen (or seen again) and locks them; keys must be distinct. */
    Map<DedupKey, Claim> claim(List<ClaimRequest> requests);

    /** Fixes, at first sight, where an event goes and whether it was over the sender's limit. */
    void assign(Map<DedupKey, Assignment> assignments);

    void markPublished(Collection<DedupKey> keys);

    record ClaimRequest(DedupKey key, UUID eventId, String kind) {}

    /**
     * @param firstSeen this delivery is the first of the event
     * @param published an earlier delivery's records were acknowledged by Kafka
     * @param assignment where an earlier delivery decided the event goes (null at first sight)
     */
    record Claim(boolean firstSeen, boolean published, Assignment assignment) {}

    /** Where an event goes, its sender's role (null for statuses) and whether it was over the sender's limit. */
    record Assignment(String topic, Role role, boolean rateLimited) {}
}
