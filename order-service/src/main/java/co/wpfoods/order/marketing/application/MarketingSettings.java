package co.wpfoods.order.marketing.application;

import java.time.Duration;

/**
 * {@code wpfoods.order.marketing.*}: the win-back template goes to a customer whose last order was delivered more than
 * {@code winBackAfter} ago, at most once per {@code winBackEvery}, up to {@code batchSize} customers per run.
 */
public record MarketingSettings(Duration winBackAfter, Duration winBackEvery, String winBackTemplate, int batchSize) {

    public MarketingSettings {
        if (winBackAfter.isNegative() || winBackAfter.isZero() || winBackEvery.isNegative() || winBackEvery.isZero()) {
            throw new IllegalArgumentException("wpfoods.order.marketing.win-back-after and win-back-every must be > 0");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("wpfoods.order.marketing.batch-size must be at least 1");
        }
    }
}
