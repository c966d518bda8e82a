package co.wpfoods.webhook.receiving.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What makes two deliveries the same WhatsApp event, and the stable event id derived from it so that a
 * redelivered record is recognisable downstream.
 *
 * <ul>
 *   <li>inbound message: its wamid; a reaction also says whether the emoji was set or removed, because Meta's
 *       samples reuse one id for both;
 *   <li>status: the pair (wamid of our message, status).
 * </ul>
 */
public record DedupKey(String value) {

    public DedupKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A dedup key needs a value");
        }
    }

    public static DedupKey ofMessage(String wamid) {
        return new DedupKey("msg:" + wamid);
    }

    public static DedupKey ofReaction(String wamid, boolean removed) {
        return new DedupKey("msg:" + wamid + (removed ? ":reaction-removed" : ""));
    }

    public static DedupKey ofStatus(String wamid, String status) {
        return new DedupKey("status:" + wamid + ":" + status);
    }

    /** A message without an id still gets a stable key: the digest of its JSON. */
    public static DedupKey ofContent(String kind, String digest) {
        return new DedupKey(kind + ":sha256:" + digest);
    }

    /** Name-based UUID (v3) of the key: the same event always gets the same {@code event-id}. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("wpfoods-webhook:" + value).getBytes(StandardCharsets.UTF_8));
    }
}
