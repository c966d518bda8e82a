package co.wpfoods.webhook.receiving.application;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The service's memory of what it has seen and published, and the raw archive. Every method runs inside the
 * caller's transaction; {@link #claim} locks the claimed rows until it ends, so a concurrent delivery of the same
 * event waits (at most the connection's {@code lock_timeout}, set to the ack timeout) and then sees the outcome.
 */
public interface InboundLedger {

    /** Archives POSTs as they arrived, with the number of records each one carries; one statement. */
    void archive(List<Archived> posts);

    /** Records that these events were seen (or seen again) and locks them; keys must be distinct. */
    Map<DedupKey, Claim> claim(List<ClaimRequest> requests);

    /**
     * Stores where events seen for the first time go (and whether they were over the sender's limit), so a retry
     * publishes the same record, and marks the events Kafka acknowledged as published; one statement.
     */
    void settle(Map<DedupKey, Assignment> firstSeen, Collection<DedupKey> acknowledged);

    /**
     * @param parties the numbers and Meta user ids of the people the POST is about (senders of its messages, recipients
     *     of its statuses): the archive is stored encrypted and found by their keyed hashes on erasure
     */
    record Archived(RawWebhook raw, int records, Set<String> parties) {
        public Archived {
            parties = Set.copyOf(parties);
        }
    }

    /** @param deliveries how many POSTs carried the event this time (a batch may hold duplicates) */
    record ClaimRequest(DedupKey key, UUID eventId, String kind, int deliveries) {}

    /**
     * @param firstSeen this delivery is the first of the event
     * @param published an earlier delivery's records were acknowledged by Kafka
     * @param assignment where an earlier delivery decided the event goes (null at first sight)
     */
    record Claim(boolean firstSeen, boolean published, Assignment assignment) {}

    /** Where an event goes, its sender's role (null for statuses) and whether it was over the sender's limit. */
    record Assignment(String topic, Role role, boolean rateLimited) {}
}
