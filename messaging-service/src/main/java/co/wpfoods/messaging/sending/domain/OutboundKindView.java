package co.wpfoods.messaging.sending.domain;

/** The kind of a command, as the domain sees it (mirrors the Avro enum, which the domain does not import). */
public enum OutboundKindView {
    TEXT,
    BUTTONS,
    LIST,
    CTA_URL,
    LOCATION,
    LOCATION_REQUEST,
    MEDIA,
    REACTION,
    TEMPLATE,
    MARK_READ,
    UNKNOWN;

    /** Re-sending these cannot show the user anything twice, so a crash in flight may resend them. */
    public boolean isIdempotentAtMeta() {
        return this == MARK_READ || this == REACTION;
    }

    /** Mark-as-read is not a message to the user, so it does not draw on the pair limit. */
    public boolean countsForPairLimit() {
        return this != MARK_READ;
    }
}
