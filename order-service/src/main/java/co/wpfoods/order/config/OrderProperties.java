package co.wpfoods.order.config;

import java.net.URI;
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
        @DefaultValue Ai ai,
        @DefaultValue Templates templates,
        @DefaultValue Messaging messaging) {

    public record RestaurantAnswer(
            @DefaultValue("5m") Duration timeout,
            @DefaultValue("3m") Duration reminderAfter) {}

    public record Limits(
            @DefaultValue("10") int ordersPerHour,
            @DefaultValue("50") int ordersPerDay) {}

    public record Timers(
            @DefaultValue("2") int threads,
            @DefaultValue("5s") Duration pollingInterval) {}

    /**
     * ai-service's intent API: base URL, the whole call's time limit, the confidence below which we show the step's
     * options instead of acting, and the circuit breaker. {@code bearerToken}: the {@code service} token ai-service
     * requires when no OAuth2 client registration is configured (the launcher mints one locally); with one (a
     * deployment: {@code spring.security.oauth2.client.registration.wpfoods.*}) the token comes from the issuer and this
     * is ignored; without either the calls are refused and the conversation answers with buttons. {@code warmUp}: once the service is ready,
     * one call through the same HTTP client (limit {@code warmUpTimeout}, retried until {@code warmUpWithin} while
     * ai-service does not answer), outside the breaker, so the first customer's call does not pay for a cold client.
     */
    public record Ai(
            @DefaultValue("http://localhost:8085") URI baseUrl,
            @DefaultValue("300ms") Duration timeout,
            @DefaultValue("0.55") double minConfidence,
            @DefaultValue("50") float breakerFailureRatePercent,
            @DefaultValue("10") int breakerWindow,
            @DefaultValue("5") int breakerMinimumCalls,
            @DefaultValue("20s") Duration breakerOpenFor,
            String bearerToken,
            @DefaultValue("true") boolean warmUp,
            @DefaultValue("5s") Duration warmUpTimeout,
            @DefaultValue("2m") Duration warmUpWithin) {}

    /**
     * messaging-service's internal media upload ({@code POST /api/messaging/media}), the way a chart image reaches
     * Meta's media store. {@code bearerToken}: a {@code service} token when no OAuth2 client
     * registration is configured (the launcher mints one locally; a deployment takes the issuer's); without either the upload is refused and the sales
     * answer goes as text only.
     */
    public record Messaging(
            @DefaultValue("http://localhost:8086") URI baseUrl,
            @DefaultValue("10s") Duration uploadTimeout,
            String bearerToken) {}

    /** Approved templates named as the fallback of messages that may leave after the 24-hour window. */
    public record Templates(
            @DefaultValue("pedido_actualizado") String orderUpdate,
            @DefaultValue("califica_pedido") String rating,
            @DefaultValue("nuevo_pedido_restaurante") String restaurantNewOrder) {}
}
