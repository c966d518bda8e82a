package co.wpfoods.webhook.receiving.application;

import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import co.wpfoods.webhook.receiving.domain.SenderIdentity;
import java.time.Instant;

/** One record a webhook POST turns into: an inbound message or a status of a message we sent. */
public sealed interface ParsedItem {

    DedupKey dedupKey();

    /** The user: the sender of a message, the recipient of a status. */
    SenderIdentity party();

    /** Meta's timestamp of the event. */
    Instant occurredAt();

    /** Meta's type string ({@code text}, {@code poll}…) or status string ({@code read}…). */
    String metaType();

    record Message(DedupKey dedupKey, SenderIdentity party, Instant occurredAt, String metaType, InboundMessage record)
            implements ParsedItem {}

    record Status(DedupKey dedupKey, SenderIdentity party, Instant occurredAt, String metaType, DeliveryStatus record)
            implements ParsedItem {}
}
