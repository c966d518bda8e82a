package co.wpfoods.order.conversation.adapter.out.ai;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wpfoods.order.ai.*}, ai-service's intent API: base URL, the whole call's time limit, the confidence below which we show the step's
 * options instead of acting, and the circuit breaker. {@code bearerToken}: the {@code service} token ai-service
 * requires (the launcher mints one locally; set {@code WPFOODS_ORDER_AI_BEARERTOKEN} in a deployment); without
 * one the calls are refused and the conversation answers with buttons. {@code warmUp}: once the service is ready,
 * one call through the same HTTP client (limit {@code warmUpTimeout}, retried until {@code warmUpWithin} while
 * ai-service does not answer), outside the breaker, so the first customer's call does not pay for a cold client.
 */
public record AiServiceSettings(
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
