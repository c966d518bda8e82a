package co.wpfoods.dispatch.delivery.adapter.out.ai;

import co.wpfoods.dispatch.delivery.config.DispatchProperties;
import co.wpfoods.security.client.ServiceCallAuthentication;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reads a worker's free text through ai-service ({@code POST /api/ai/intent}, role WORKER) within the configured time
 * (default 300 ms) and behind a resilience4j circuit breaker: when it is slow, down or the breaker is open, the answer is
 * empty and the conversation falls back to buttons.
 */
@Component
public class IntentClient {

    private static final Logger log = LoggerFactory.getLogger(IntentClient.class);

    /** The intent and the PIN ai-service found, if any. */
    public record Intent(String name, String pin) {}

    record IntentResponse(String intent, Double confidence, Map<String, Object> entities, String language) {}

    private final RestClient http;
    private final CircuitBreaker breaker;

    IntentClient(
            DispatchProperties properties,
            ServiceCallAuthentication serviceCalls,
            ObjectProvider<MeterRegistry> meters) {
        DispatchProperties.Ai ai = properties.ai();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(ai.timeout()).build());
        factory.setReadTimeout(ai.timeout());
        this.http = RestClient.builder()
                .baseUrl(ai.baseUrl())
                .requestFactory(factory)
                .apply(serviceCalls.bearer(ai.bearerToken()))
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(ai.slidingWindow())
                .minimumNumberOfCalls(Math.max(1, ai.slidingWindow() / 2))
                .failureRateThreshold(ai.failureRateThreshold())
                .waitDurationInOpenState(ai.openFor())
                .build());
        this.breaker = registry.circuitBreaker("ai-intent");
        meters.ifAvailable(registryBean ->
                TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(registryBean));
    }

    public Optional<Intent> read(String text, String language, String correlationId) {
        try {
            IntentResponse response = breaker.executeSupplier(() -> http.post()
                    .uri("/api/ai/intent")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "role", "WORKER",
                            "language", language,
                            "text", text,
                            "correlationId", correlationId))
                    .retrieve()
                    .body(IntentResponse.class));
            if (response == null || response.intent() == null) {
                return Optional.empty();
            }
            Object pin =
                    response.entities() == null ? null : response.entities().get("pin");
            return Optional.of(new Intent(response.intent(), pin == null ? null : pin.toString()));
        } catch (CallNotPermittedException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            log.info("ai-service intent unavailable ({}); falling back to buttons", e.toString());
            return Optional.empty();
        }
    }
}
