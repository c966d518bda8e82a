package co.wpfoods.order.ordering.config;

import co.wpfoods.order.conversation.adapter.out.ai.AiServiceSettings;
import co.wpfoods.order.conversation.adapter.out.media.MessagingServiceSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** order-service's own settings ({@code wpfoods.order.*}); each documented in the module README. */
@ConfigurationProperties("wpfoods.order")
public record OrderProperties(
        @DefaultValue RestaurantAnswer restaurantAnswer,
        @DefaultValue("15m") Duration paymentTimeout,
        @DefaultValue Limits limits,
        @DefaultValue Timers timers,
        @DefaultValue AiServiceSettings ai,
        @DefaultValue Templates templates,
        @DefaultValue MessagingServiceSettings messaging) {

    public record RestaurantAnswer(
            @DefaultValue("5m") Duration timeout,
            @DefaultValue("3m") Duration reminderAfter) {}

    public record Limits(
            @DefaultValue("10") int ordersPerHour,
            @DefaultValue("50") int ordersPerDay) {}

    public record Timers(
            @DefaultValue("2") int threads,
            @DefaultValue("5s") Duration pollingInterval) {}

    /** Approved templates named as the fallback of messages that may leave after the 24-hour window. */
    public record Templates(
            @DefaultValue("pedido_actualizado") String orderUpdate,
            @DefaultValue("califica_pedido") String rating,
            @DefaultValue("nuevo_pedido_restaurante") String restaurantNewOrder) {}
}
