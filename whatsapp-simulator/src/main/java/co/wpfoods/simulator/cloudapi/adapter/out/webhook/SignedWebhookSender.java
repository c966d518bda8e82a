package co.wpfoods.simulator.cloudapi.adapter.out.webhook;

import co.wpfoods.simulator.cloudapi.application.Settings;
import co.wpfoods.simulator.cloudapi.application.WebhookDeliveries;
import co.wpfoods.simulator.cloudapi.application.WebhookPayloads;
import co.wpfoods.simulator.cloudapi.application.WebhookPublisher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts webhooks the way Meta does (reference §2): Meta's envelope, non-ASCII escaped,
 * signed with the app secret; only HTTP 200 counts, anything else is retried with exponential
 * backoff (time compressed); deliveries run concurrently, may be duplicated or delayed on purpose.
 */
public final class SignedWebhookSender implements WebhookPublisher, WebhookDeliveries {

    private static final Logger log = LoggerFactory.getLogger(SignedWebhookSender.class);
    private static final int LOG_SIZE = 2000;

    /** Backoff between attempts: {@code initial × multiplier^(attempt-1)}, capped. */
    public record Retry(Duration initialBackoff, double multiplier, Duration maxBackoff, int maxAttempts) {
        Duration backoffAfter(int attempt) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }
    }

    private final tools.jackson.databind.ObjectWriter metaJson;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Settings settings;
    private final String appSecret;
    private final String wabaId;
    private final Retry retry;
    private final Duration requestTimeout;
    private final RandomGenerator random;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Delivery> deliveries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Delivery> eldest) {
            return size() > LOG_SIZE;
        }
    };

    public SignedWebhookSender(
            JsonMapper mapper,
            HttpClient http,
            ScheduledExecutorService scheduler,
            Settings settings,
            String appSecret,
            String wabaId,
            Retry retry,
            Duration requestTimeout,
            RandomGenerator random,
            Clock clock) {
        this.http = http;
        this.scheduler = scheduler;
        this.settings = settings;
        this.metaJson = MetaJson.writer(mapper);
        this.appSecret = appSecret;
        this.wabaId = wabaId;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public void publish(ObjectNode value, Runnable onDelivered) {
        byte[] body = metaJson.writeValueAsBytes(WebhookPayloads.envelope(wabaId, value));
        String kind = value.has("messages") ? "messages" : value.has("statuses") ? "statuses" : "other";
        AtomicBoolean acknowledged = new AtomicBoolean();
        Runnable once = () -> {
            if (acknowledged.compareAndSet(false, true)) {
                onDelivered.run();
            }
        };
        start(body, kind, false, once);
        if (random.nextDouble() < settings.get().duplicateProbability()) {
            start(body, kind, true, once);
        }
    }

    @Override
    public void publishRaw(JsonNode body, boolean badSignature) {
        byte[] bytes = metaJson.writeValueAsBytes(body);
        String signature = MetaJson.signature(badSignature ? appSecret + "-wrong" : appSecret, bytes);
        start(bytes, signature, "raw", false, () -> {});
    }

    private void start(byte[] body, String kind, boolean duplicate, Runnable onDelivered) {
        start(body, MetaJson.signature(appSecret, body), kind, duplicate, onDelivered);
    }

    private void start(byte[] body, String signature, String kind, boolean duplicate, Runnable onDelivered) {
        long id = ids.incrementAndGet();
        record(new Delivery(
                id,
                kind,
                duplicate,
                "pending",
                0,
                null,
                null,
                clock.instant(),
                null,
                new String(body, StandardCharsets.US_ASCII)));
        scheduler.schedule(
                () -> attempt(id, body, signature, 1, onDelivered), extraDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private long extraDelayMillis() {
        long max = settings.get().maxExtraDelay().toMillis();
        return max <= 0 ? 0 : random.nextLong(max + 1);
    }

    private void attempt(long id, byte[] body, String signature, int attempt, Runnable onDelivered) {
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(settings.get().webhookUrl()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", signature)
                    .header("User-Agent", "facebookexternalua")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (status != null && status == 200) {
            update(id, "delivered", attempt, status, null);
            onDelivered.run();
            return;
        }
        if (attempt >= retry.maxAttempts()) {
            update(id, "gave_up", attempt, status, error);
            log.warn("Webhook {} not accepted after {} attempts (last status {}, {})", id, attempt, status, error);
            return;
        }
        update(id, "retrying", attempt, status, error);
        scheduler.schedule(
                () -> attempt(id, body, signature, attempt + 1, onDelivered),
                retry.backoffAfter(attempt).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean verify(String verifyToken) {
        String challenge = Long.toString(Math.abs(random.nextLong() % 10_000_000_000L));
        String url = settings.get().webhookUrl();
        String query = "hub.mode=subscribe&hub.challenge=" + challenge + "&hub.verify_token="
                + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + query))
                    .timeout(requestTimeout)
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().equals(challenge);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Webhook verification of {} failed: {}", url, e.toString());
            return false;
        }
    }

    @Override
    public synchronized List<Delivery> deliveries() {
        return new ArrayList<>(deliveries.values());
    }

    @Override
    public synchronized void clear() {
        deliveries.clear();
    }

    private synchronized void record(Delivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    private synchronized void update(long id, String state, int attempts, Integer status, String error) {
        deliveries.computeIfPresent(
                id,
                (key, d) -> new Delivery(
                        d.id(),
                        d.kind(),
                        d.duplicate(),
                        state,
                        attempts,
                        status,
                        error,
                        d.createdAt(),
                        state.equals("delivered") ? clock.instant() : null,
                        d.body()));
    }
}
