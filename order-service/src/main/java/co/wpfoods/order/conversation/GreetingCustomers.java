package co.wpfoods.order.conversation;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.OutboundText;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The first step of every customer conversation: answer a customer's message with WPFoods' greeting. The reply is a
 * send command written through the outbox, in the caller's transaction.
 */
@Component
public class GreetingCustomers {

    static final Locale SPANISH_COLOMBIA = Locale.forLanguageTag("es-CO");

    private final OutboxWriter outbox;
    private final MessageSource messages;
    private final Clock clock;

    @Autowired
    public GreetingCustomers(OutboxWriter outbox, MessageSource messages) {
        this(outbox, messages, Clock.systemUTC());
    }

    GreetingCustomers(OutboxWriter outbox, MessageSource messages, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** Greets the sender of {@code message}, unless the message was flagged as over the sender's limits. */
    public void greet(InboundMessage message) {
        if (message.getRateLimited()) {
            return;
        }
        WaUser to = WaUser.newBuilder()
                .setWaId(message.getFrom().getWaId())
                .setUserId(message.getFrom().getUserId())
                .build();
        String conversation = "conv:" + identity(to);
        OutboundCommand reply = OutboundCommand.newBuilder()
                // derived from the inbound wamid: the same message always yields the same command id
                .setCommandId(UUID.nameUUIDFromBytes(("greeting:" + message.getMessageId()).getBytes())
                        .toString())
                .setKind(OutboundKind.TEXT)
                .setTo(to)
                .setCorrelationId(conversation)
                .setCreatedAt(clock.instant())
                .setText(OutboundText.newBuilder()
                        .setBody(messages.getMessage("greeting.text", null, SPANISH_COLOMBIA))
                        .setPreviewUrl(false)
                        .build())
                .build();
        outbox.append(OutboxEvent.of(Topics.WhatsApp.OUTBOUND, identity(to), reply, conversation));
    }

    private static String identity(WaUser user) {
        return user.getWaId() != null && !user.getWaId().isEmpty() ? user.getWaId() : user.getUserId();
    }
}
