package co.wpfoods.webhook.receiving.application;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.Role;
import java.util.Set;

/**
 * Where a record goes: statuses to {@code wa.status.v1}; media that needs work before a domain service can use it
 * (voice notes by default) to {@code wa.inbound.media.v1}; everything else to its sender's role topic.
 */
public record Routing(Set<InboundMessageType> mediaNeedingWork) {

    public Routing {
        mediaNeedingWork = Set.copyOf(mediaNeedingWork);
    }

    public String topicOf(InboundMessage message, Role role) {
        if (mediaNeedingWork.contains(message.getType())) {
            return Topics.WhatsApp.INBOUND_MEDIA;
        }
        return Topics.WhatsApp.inboundFor(role);
    }

    public String statusTopic() {
        return Topics.WhatsApp.STATUS;
    }
}
