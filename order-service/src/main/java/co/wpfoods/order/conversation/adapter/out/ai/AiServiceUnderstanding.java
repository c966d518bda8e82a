package co.wpfoods.order.conversation.adapter.out.ai;

import co.wpfoods.order.conversation.application.Understanding;
import co.wpfoods.security.client.ServiceCallAuthentication;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * ai-service's {@code POST /api/ai/intent} behind a time limit (the HTTP client's connect and read timeouts, 300 ms
 * by default) and a resilience4j circuit breaker: after enough failures the breaker opens and messages go straight
 * to the step's buttons without waiting, then it lets a trial call through. No retries: a person is waiting.
 */
@Component
class AiServiceUnderstanding implements Understanding {

    private static final Logger log = LoggerFactory.getLogger(AiServiceUnderstanding.class);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    /** What the warm-up asks: a greeting, cheap for every engine, marked so ai-service's logs can tell it apart. */
    static final Request WARM_UP =
            new Request("customer", "es", "hola", null, List.of(), null, "order-service-warm-up");

    private final RestClient http;
    private final RestClient warmUpHttp;
    private final CircuitBreaker breaker;
    private final AiServiceSettings ai;
    private volatile Thread warmUp;

    AiServiceUnderstanding(
            AiServiceSettings ai, ServiceCallAuthentication serviceCalls, ObjectProvider<MeterRegistry> meters) {
        this.ai = ai;
        var client = HttpClient.newBuilder().connectTimeout(ai.timeout()).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(ai.timeout());
        // the warm-up shares the HTTP client (its connection pool) but may wait longer: ai-service may be cold too
        var warmUpFactory = new JdkClientHttpRequestFactory(client);
        warmUpFactory.setReadTimeout(ai.warmUpTimeout());
        this.http = RestClient.builder()
                .baseUrl(ai.baseUrl().toString())
                .requestFactory(factory)
                .apply(serviceCalls.bearer(ai.bearerToken()))
                .build();
        this.warmUpHttp = http.mutate().requestFactory(warmUpFactory).build();
        var registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(ai.breakerWindow())
                .minimumNumberOfCalls(ai.breakerMinimumCalls())
                .failureRateThreshold(ai.breakerFailureRatePercent())
                .waitDurationInOpenState(ai.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.breaker = registry.circuitBreaker("ai-intent");
        meters.ifAvailable(m ->
                TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
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
                retry.execute(() -> call(warmUpHttp, WARM_UP));
                log.info(
                        "ai-service client warmed up in {} ms",
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (RetryException e) {
                log.info(
                        "ai-service did not answer the warm-up within {} ({}); the first message may get the step's options",
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
    public Optional<Understood> understand(Request request) {
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            JsonNode body = call(http, request);
            breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return Optional.ofNullable(body).map(AiServiceUnderstanding::understood);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
            log.info("ai-service did not answer in time ({}); answering with the step's options", e.toString());
            return Optional.empty();
        }
    }

    private static JsonNode call(RestClient client, Request request) {
        return client.post()
                .uri("/api/ai/intent")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(request))
                .retrieve()
                .body(JsonNode.class);
    }

    private static Map<String, Object> body(Request r) {
        var context = new LinkedHashMap<String, Object>();
        context.put("restaurantId", r.restaurantId());
        context.put("lastMessages", r.lastQuestion() == null ? List.of() : List.of(r.lastQuestion()));
        context.put(
                "cart",
                r.cart().stream()
                        .map(c -> Map.of("itemId", c.itemId(), "name", c.name(), "quantity", c.quantity()))
                        .toList());
        context.put("localTime", LocalTime.now(BOGOTA).withSecond(0).withNano(0).toString());
        var body = new LinkedHashMap<String, Object>();
        body.put("role", r.role());
        body.put("language", r.language());
        body.put("text", r.text());
        body.put("context", context);
        body.put("correlationId", r.correlationId());
        return body;
    }

    private static Understood understood(JsonNode n) {
        JsonNode entities = n.path("entities");
        List<Mention> items = new ArrayList<>();
        for (JsonNode item : entities.path("items")) {
            List<String> ids = new ArrayList<>();
            List<String> unmatched = new ArrayList<>();
            for (JsonNode m : item.path("modifiers")) {
                if (text(m, "modifierId") != null) {
                    ids.add(text(m, "modifierId"));
                } else if (text(m, "text") != null) {
                    unmatched.add(text(m, "text"));
                }
            }
            items.add(new Mention(
                    text(item, "itemId"),
                    text(item, "name"),
                    text(item, "restaurantId"),
                    Math.max(1, item.path("quantity").asInt(1)),
                    ids,
                    unmatched));
        }
        JsonNode a = entities.path("address");
        Address address = a.isObject()
                ? new Address(
                        text(a, "viaType"),
                        text(a, "viaNumber"),
                        text(a, "crossNumber"),
                        text(a, "plate"),
                        text(a, "raw"),
                        text(a, "normalized"))
                : null;
        return new Understood(
                text(n, "intent"),
                n.path("confidence").asDouble(0),
                items,
                text(entities, "restaurantId"),
                address,
                text(entities, "paymentMethod"),
                text(entities, "orderReference"),
                entities.path("priceCop").isNumber() ? entities.path("priceCop").asLong() : null,
                text(n, "language"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }
}
