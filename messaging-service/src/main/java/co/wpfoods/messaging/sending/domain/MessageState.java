package co.wpfoods.messaging.sending.domain;

import java.util.Locale;

/**
 * Where one outbound message stands. {@code QUEUED → SENDING} belong to our sender; from {@code ACCEPTED} (Meta's HTTP
 * 200) on, statuses only move forward by rank ({@code ACCEPTED < SENT < DELIVERED < READ < PLAYED}), never back, and
 * {@code FAILED} is terminal (reference §4.2). {@code DEAD_LETTERED} (we gave up before Meta accepted it) and
 * {@code UNCERTAIN} (still no answer nor status after the last attempt) end the sending part too. {@code UNANSWERED}
 * (the request left us and its answer never came, or its sender stopped before recording it) still holds its
 * recipient's queue: a status carrying the command id settles it, or it is sent again once its grace period has
 * passed.
 */
public enum MessageState {
    QUEUED(0),
    SENDING(1),
    UNCERTAIN(2),
    UNANSWERED(2),
    ACCEPTED(3),
    SENT(4),
    DELIVERED(5),
    READ(6),
    PLAYED(7),
    FAILED(100),
    DEAD_LETTERED(100);

    private final int rank;

    MessageState(int rank) {
        this.rank = rank;
    }

    /** The state after a status report {@code reported} arrives; the current state if the report would regress it. */
    public MessageState onStatus(MessageState reported) {
        if (!reported.isDeliveryStatus()) {
            throw new IllegalArgumentException(reported + " is not a delivery status");
        }
        if (isTerminal()) {
            return this;
        }
        return reported.rank > rank ? reported : this;
    }

    /** Meta reports these: sent, delivered, read, played, failed. */
    public boolean isDeliveryStatus() {
        return this == SENT || this == DELIVERED || this == READ || this == PLAYED || this == FAILED;
    }

    public boolean isTerminal() {
        return this == FAILED || this == DEAD_LETTERED;
    }

    /** Still in our queue (counts for queue depth and for the recipient's order). */
    public boolean isPending() {
        return this == QUEUED || this == SENDING || this == UNANSWERED;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
