package co.wpfoods.payment.payment.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code wpfoods.payment.*}; every property is described in the module README. */
@ConfigurationProperties("wpfoods.payment")
public record PaymentProperties(
        @DefaultValue Card card,
        @DefaultValue Stripe stripe,
        @DefaultValue LocalCard localCard,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Reconciliation reconciliation) {

    public record Card(
            @DefaultValue("15m") Duration paymentTimeout,
            @DefaultValue("1h") Duration checkoutLifetime,
            @DefaultValue("2000") long minimumCop) {}

    public record Stripe(
            @DefaultValue("") String apiKey,
            @DefaultValue("https://api.stripe.com") URI apiBase,
            @DefaultValue("https://wa.me/") String successUrl,
            @DefaultValue("https://wa.me/") String cancelUrl,
            List<String> webhookSecrets,
            @DefaultValue("300s") Duration webhookTolerance,
            @DefaultValue("0") int maxNetworkRetries,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout) {

        public Stripe {
            webhookSecrets = webhookSecrets == null
                    ? List.of()
                    : webhookSecrets.stream().filter(s -> !s.isBlank()).toList();
        }

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    public record LocalCard(
            @DefaultValue("http://localhost:8084") String publicBaseUrl,

            @DefaultValue("http://localhost:8080/api/payments/webhooks/stripe")
            String webhookUrl) {}

    public record Scheduler(
            @DefaultValue("1s") Duration pollingInterval,
            @DefaultValue("4") int threads,
            @DefaultValue("2s") Duration retryBackoff) {}

    public record Reconciliation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("6h") Duration interval,
            @DefaultValue("1d") Duration window,
            @DefaultValue("10m") Duration grace) {}
}
