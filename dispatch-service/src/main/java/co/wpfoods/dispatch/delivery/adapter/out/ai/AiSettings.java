package co.wpfoods.dispatch.delivery.adapter.out.ai;

import java.time.Duration;

/**
 * How ai-service is called ({@code wpfoods.dispatch.ai.*}, see the README): where, the time limit of a call, the
 * breaker, the service token, and the warm-up at start.
 */
public record AiSettings(
        String baseUrl,
        Duration timeout,
        float failureRateThreshold,
        int slidingWindow,
        Duration openFor,
        String bearerToken,
        boolean warmUp,
        Duration warmUpTimeout,
        Duration warmUpWithin) {}
