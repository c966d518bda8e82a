package co.wpfoods.gateway.edge.application;

import co.wpfoods.gateway.edge.domain.RejectionReason;

/** What the gateway counts; implemented over Micrometer in {@code adapter.out.metrics}. */
public interface GatewayMetrics {

    /** A POST arrived at the Meta webhook endpoint (before any check). */
    void webhookReceived();

    /** A request was refused by the gateway itself. */
    void rejected(RejectionReason reason);

    /** A verified webhook was forwarded and webhook-service answered {@code status}. */
    void webhookForwarded(int status);

    /** A verified webhook could not be forwarded ({@code cause}: {@code timeout} or {@code unreachable}). */
    void webhookUpstreamFailed(String cause);
}
