package co.wpfoods.dispatch.delivery.adapter.out.ai;

import co.wpfoods.dispatch.delivery.application.IntentReader;
import co.wpfoods.security.client.ServiceCallAuthentication;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Reads a worker's free text through ai-service ({@code POST /api/ai/intent}, role WORKER) within the configured time
 * (default 300 ms) and behind a resilience4j circuit breaker: when it is slow, down or the breaker is open, the answer is
 * empty and the conversation falls back to buttons. Our last question to the worker goes along as
 * {@code context.lastMessages}, so a short reply ("sí", "dale", "2") is read against it. Once the service is ready the
 * client is warmed up with one call outside the breaker.
 */
public class AiServiceIntents implements IntentReader {

    private static final Logger log = LoggerFactory.getLogger(AiServiceIntents.class);

    /** What the warm-up asks: a greeting, cheap for every engine, marked so ai-service's logs can tell it apart. */
    static final String WARM_UP_CORRELATION = "dispatch-service-warm-up";

    record IntentResponse(String intent, Double confidence, Map<String, Object> entities, String language) {}

    private final RestClient http;
    private final RestClient warmUpHttp;
    private final CircuitBreaker breaker;
    private final AiSettings ai;
    private volatile Thread warmUp;

    public AiServiceIntents(
            AiSettings ai, ServiceCallAuthentication serviceCalls, ObjectProvider<MeterRegistry> meters) {
        this.ai = ai;
        HttpClient client = HttpClient.newBuilder().connectTimeout(ai.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(ai.timeout());
        // the warm-up shares the HTTP client (its connection pool) but may wait longer: ai-service may be cold too
        JdkClientHttpRequestFactory warmUpFactory = new JdkClientHttpRequestFactory(client);
        warmUpFactory.setReadTimeout(ai.warmUpTimeout());
        this.http = RestClient.builder()
                .baseUrl(ai.baseUrl())
                .requestFactory(factory)
                // the issuer's token when a client registration is configured, else the configured one
                .apply(serviceCalls.bearer(ai.bearerToken()))
                .build();
        this.warmUpHttp = http.mutate().requestFactory(warmUpFactory).build();
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

    /**
     * Once the service is ready, in the background: one intent call through the same client (class loading, the
     * connection, Jackson), not counted by the breaker, retried while ai-service does not answer yet (it may start
     * after us) until {@code warm-up-within}. A failed warm-up only logs: the service works without it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!ai.warmUp()) {
            return;
        }
        var retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(Long.MAX_VALUE)
                .timeout(ai.warmUpWithin())
                .delay(Duration.ofSeconds(1))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(15))
                .build());
        warmUp = Thread.ofVirtual().name("ai-warm-up").start(() -> {
            long start = System.nanoTime();
            try {
                retry.execute(() -> call(warmUpHttp, "hola", "es-CO", null, WARM_UP_CORRELATION));
                log.info(
                        "ai-service client warmed up in {} ms",
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (RetryException e) {
                log.info(
                        "ai-service did not answer the warm-up within {} ({}); the first worker's text may get buttons",
                        ai.warmUpWithin(),
                        e.getCause() == null ? e.toString() : e.getCause().toString());
            }
        });
    }

    @PreDestroy
    void stopWarmUp() {
        Thread running = warmUp;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public Optional<Intent> read(String text, String language, String lastPrompt, String correlationId) {
        try {
            IntentResponse response =
                    breaker.executeSupplier(() -> call(http, text, language, lastPrompt, correlationId));
            if (response == null || response.intent() == null) {
                return Optional.empty();
            }
            Map<String, Object> entities = response.entities() == null ? Map.of() : response.entities();
            Object pin = entities.get("pin");
            Integer choice = entities.get("choice") instanceof Number n ? n.intValue() : null;
            return Optional.of(new Intent(response.intent(), pin == null ? null : pin.toString(), choice));
        } catch (CallNotPermittedException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            log.info("ai-service intent unavailable ({}); falling back to buttons", e.toString());
            return Optional.empty();
        }
    }

    private static IntentResponse call(
            RestClient client, String text, String language, String lastPrompt, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", "WORKER");
        body.put("language", language);
        body.put("text", text);
        // ai-service takes messages of up to 2,000 characters; ours are far shorter (WhatsApp bodies are ≤ 1,024)
        String last = lastPrompt == null || lastPrompt.length() <= 2_000 ? lastPrompt : lastPrompt.substring(0, 2_000);
        body.put("context", Map.of("lastMessages", last == null ? List.of() : List.of(last)));
        body.put("correlationId", correlationId);
        return client.post()
                .uri("/api/ai/intent")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(IntentResponse.class);
    }
}
