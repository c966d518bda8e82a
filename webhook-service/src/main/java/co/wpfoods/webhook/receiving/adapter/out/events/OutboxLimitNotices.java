package co.wpfoods.webhook.receiving.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.OutboundText;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.webhook.receiving.application.LimitNotices;
import co.wpfoods.webhook.receiving.domain.LimitPeriod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/** The polite over-limit notice: a TEXT {@link OutboundCommand} to {@code wa.outbound.v1} through the outbox. */
public class OutboxLimitNotices implements LimitNotices {

    static final String BUNDLE = "i18n/webhook-messages";

    private final OutboxWriter outbox;
    private final Locale locale;

    public OutboxLimitNotices(OutboxWriter outbox, Locale locale) {
        this.outbox = outbox;
        this.locale = locale;
    }

    @Override
    public void notifyOverLimit(String senderKey, WaUser user, LimitPeriod period, Instant windowStart) {
        // one notice per sender and window: the same window always yields the same command id
        UUID commandId = UUID.nameUUIDFromBytes(
                ("limit-notice:" + senderKey + ":" + period + ":" + windowStart).getBytes(StandardCharsets.UTF_8));
        String correlationId = "conversation:" + senderKey;
        OutboundCommand command = OutboundCommand.newBuilder()
                .setCommandId(commandId.toString())
                .setKind(OutboundKind.TEXT)
                .setTo(WaUser.newBuilder()
                        .setWaId(user.getWaId())
                        .setUserId(user.getUserId())
                        .build())
                .setCorrelationId(correlationId)
                .setCreatedAt(Instant.now())
                .setText(OutboundText.newBuilder()
                        .setBody(text(period))
                        .setPreviewUrl(false)
                        .build())
                .build();
        outbox.append(OutboxEvent.of(Topics.WhatsApp.OUTBOUND, senderKey, command, correlationId)
                .withEventId(commandId));
    }

    String text(LimitPeriod period) {
        return ResourceBundle.getBundle(BUNDLE, locale).getString("limit.notice." + period.name());
    }
}
