package co.wpfoods.webhook.receiving.application;

import java.time.Duration;

/** What webhook-service counts and times. */
public interface WebhookMetrics {

    void received();

    void rejected(String reason);

    void published(String kind, String type, String role);

    void duplicate(String kind);

    void rateLimited();

    void limitNotice();

    void unavailable(String cause);

    void ackLatency(Duration latency, String outcome);

    void ignored(String what, int count);
}
