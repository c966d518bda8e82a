package co.wpfoods.order.conversation.adapter.out.media;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wpfoods.order.messaging.*}, messaging-service's internal media upload ({@code POST /api/messaging/media}), the way a chart image reaches
 * Meta's media store. {@code bearerToken}: a {@code service} token (the launcher mints one locally; set
 * {@code WPFOODS_ORDER_MESSAGING_BEARERTOKEN} in a deployment); without one the upload is refused and the sales
 * answer goes as text only.
 */
public record MessagingServiceSettings(
        @DefaultValue("http://localhost:8086") URI baseUrl,
        @DefaultValue("10s") Duration uploadTimeout,
        String bearerToken) {}
