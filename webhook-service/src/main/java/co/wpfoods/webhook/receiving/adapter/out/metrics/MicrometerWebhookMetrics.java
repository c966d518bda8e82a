package co.wpfoods.webhook.receiving.adapter.out.metrics;

import co.wpfoods.webhook.receiving.application.WebhookMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Micrometer meters under {@code wpfoods.webhook.*} (listed in the module README). */
public class MicrometerWebhookMetrics implements WebhookMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter rateLimited;
    private final Counter notices;

    public MicrometerWebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("wpfoods.webhook.received")
                .description("Webhook POSTs received from the gateway")
                .register(registry);
        this.rateLimited = Counter.builder("wpfoods.webhook.rate.limited")
                .description("Messages over the sender's limit (published flagged)")
                .register(registry);
        this.notices = Counter.builder("wpfoods.webhook.limit.notices")
                .description("Over-limit notices written to the outbox")
                .register(registry);
    }

    @Override
    public void received() {
        received.increment();
    }

    @Override
    public void rejected(String reason) {
        registry.counter("wpfoods.webhook.rejections", "reason", reason).increment();
    }

    @Override
    public void published(String kind, String type, String role) {
        registry.counter("wpfoods.webhook.records", "kind", kind, "type", type, "role", role)
                .increment();
    }

    @Override
    public void duplicate(String kind) {
        registry.counter("wpfoods.webhook.duplicates", "kind", kind).increment();
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void limitNotice() {
        notices.increment();
    }

    @Override
    public void unavailable(String cause) {
        registry.counter("wpfoods.webhook.unavailable", "cause", cause).increment();
    }

    @Override
    public void ackLatency(Duration latency, String outcome) {
        Timer.builder("wpfoods.webhook.ack.latency")
                .description("From receiving a POST to answering it (after Kafka's acknowledgement)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(latency);
    }

    @Override
    public void ignored(String what, int count) {
        registry.counter("wpfoods.webhook.ignored", "what", what).increment(count);
    }
}
