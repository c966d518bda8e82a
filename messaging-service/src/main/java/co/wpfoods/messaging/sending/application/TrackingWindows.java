package co.wpfoods.messaging.sending.application;

import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;

/**
 * Keeps each user's last inbound message time (Meta's timestamp) for the 24-hour window. Only messages from the user
 * open it; system notices do not, and whether reactions do is undocumented (reference §6.7), so they do not either.
 * The log keeps the window under the keyed hash of the sender's number (one hash per inbound message), never the
 * number, nor the message id (Meta's wamid encodes the number).
 */
public class TrackingWindows {

    private final OutboundLog outboundLog;

    public TrackingWindows(OutboundLog outboundLog) {
        this.outboundLog = outboundLog;
    }

    public boolean record(InboundMessage message) {
        if (message.getType() == InboundMessageType.SYSTEM || message.getType() == InboundMessageType.REACTION) {
            return false;
        }
        String recipient = Commands.recipientOf(message.getFrom());
        if ("unknown".equals(recipient)) {
            return false;
        }
        outboundLog.touchWindow(recipient, message.getSentAt());
        return true;
    }
}
