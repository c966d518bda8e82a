package co.wpfoods.payment.payment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StripeWebhookSecretsTest {

    private static PaymentProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wpfoods.payment", PaymentProperties.class);
    }

    @Test
    void a_stripe_key_without_a_webhook_secret_refuses_to_start_and_says_what_to_set() {
        var withKeyOnly = properties(Map.of("wpfoods.payment.stripe.api-key", "sk_test_123"));

        assertThatThrownBy(() -> new PaymentConfiguration().stripeWebhookSettings(withKeyOnly))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WPFOODS_PAYMENT_STRIPE_WEBHOOK_SECRETS");
    }

    @Test
    void configured_secrets_are_used_current_first_and_blank_ones_dropped() {
        var rotating = properties(Map.of(
                "wpfoods.payment.stripe.api-key", "sk_test_123",
                "wpfoods.payment.stripe.webhook-secrets", "whsec_new,,whsec_old"));

        assertThat(new PaymentConfiguration().stripeWebhookSettings(rotating).secrets())
                .containsExactly("whsec_new", "whsec_old");
    }

    @Test
    void without_a_key_or_a_secret_each_start_makes_its_own_secret_so_no_known_default_exists() {
        var local = properties(Map.of());

        var first = new PaymentConfiguration().stripeWebhookSettings(local).secrets();
        var second = new PaymentConfiguration().stripeWebhookSettings(local).secrets();

        assertThat(first).hasSize(1);
        assertThat(first.getFirst()).startsWith("whsec_local_").hasSizeGreaterThan(40);
        assertThat(second.getFirst()).isNotEqualTo(first.getFirst());
    }
}
