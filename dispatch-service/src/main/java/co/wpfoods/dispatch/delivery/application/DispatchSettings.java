package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.EarningsPolicy;
import java.time.Duration;

/**
 * What the delivery use cases are configured with (built from {@code wpfoods.dispatch.*} by the config; see the
 * README for each property).
 */
public record DispatchSettings(
        Duration offerTtl,
        int candidatesPerOrder,
        double latePenaltyMetersPerSecond,
        int maxActiveDeliveries,
        Duration locationStaleAfter,
        Duration delayedAfter,
        Duration failAfter,
        NoWorkerPolicy noWorkerPolicy,
        int maxPinAttempts,
        int locationHistoryPerDelivery,
        String offerTemplate,
        String welcomeTemplate,
        EarningsPolicy earnings) {

    public enum NoWorkerPolicy {
        /** after fail-after the order is given up: DeliveryFailed(NO_WORKER), order-service cancels and refunds */
        CANCEL,
        /** the order keeps looking until it is cancelled elsewhere */
        KEEP_LOOKING
    }
}
