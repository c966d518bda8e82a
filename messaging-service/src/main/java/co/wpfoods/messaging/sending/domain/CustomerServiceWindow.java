package co.wpfoods.messaging.sending.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Meta's 24-hour customer-service window (reference §6.7), measured from Meta's timestamp of the user's last message,
 * shortened by a safety margin so that a send that leaves us just before the end does not arrive after it.
 */
public record CustomerServiceWindow(Duration length, Duration safetyMargin) {

    public CustomerServiceWindow {
        if (safetyMargin.isNegative() || safetyMargin.compareTo(length) >= 0) {
            throw new IllegalArgumentException("safety margin must be within 0 and the window length");
        }
    }

    /** True while a non-template message may be sent; false when no inbound message is known. */
    public boolean isOpen(Instant lastInboundAt, Instant now) {
        if (lastInboundAt == null) {
            return false;
        }
        return now.isBefore(lastInboundAt.plus(length).minus(safetyMargin));
    }

    /** Templates may always be sent; mark-as-read is not a message. Everything else needs an open window. */
    public static boolean needsWindow(OutboundKindView kind) {
        return kind != OutboundKindView.TEMPLATE && kind != OutboundKindView.MARK_READ;
    }
}
