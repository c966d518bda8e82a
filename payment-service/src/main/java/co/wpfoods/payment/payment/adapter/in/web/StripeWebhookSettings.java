package co.wpfoods.payment.payment.adapter.in.web;

import java.time.Duration;
import java.util.List;

/**
 * How Stripe's webhooks are checked: the signing secrets accepted (several while one is rotated) and how old a
 * signature's timestamp may be.
 */
public record StripeWebhookSettings(List<String> secrets, Duration tolerance) {

    public StripeWebhookSettings {
        secrets = List.copyOf(secrets);
    }
}
