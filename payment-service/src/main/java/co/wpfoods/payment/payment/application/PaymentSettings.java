package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import java.time.Duration;

/**
 * How payments behave (bound from {@code wpfoods.payment.*}, see the README).
 *
 * @param paymentTimeout how long a card payment may take before the order is cancelled
 * @param checkoutLifetime how long the provider keeps the checkout page open, counted from the payment's creation;
 *     Stripe requires 30 min to 24 h ahead at creation, and a retried creation must send the same value
 * @param minimumCard smallest amount the provider accepts for a card payment (0.50 USD ≈ 2,000 COP when the account
 *     settles in dollars)
 */
public record PaymentSettings(Duration paymentTimeout, Duration checkoutLifetime, Cop minimumCard) {

    public PaymentSettings {
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("wpfoods.payment.card.payment-timeout must be positive");
        }
        if (checkoutLifetime.compareTo(Duration.ofMinutes(35)) < 0
                || checkoutLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException(
                    "wpfoods.payment.card.checkout-lifetime must be between 35 minutes (Stripe's 30 plus room for"
                            + " retries) and 24 hours");
        }
        if (paymentTimeout.compareTo(checkoutLifetime) > 0) {
            throw new IllegalArgumentException(
                    "wpfoods.payment.card.payment-timeout must not exceed wpfoods.payment.card.checkout-lifetime");
        }
    }
}
