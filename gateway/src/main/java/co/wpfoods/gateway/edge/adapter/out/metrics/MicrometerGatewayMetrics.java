package co.wpfoods.gateway.edge.adapter.out.metrics;

import co.wpfoods.gateway.edge.application.GatewayMetrics;
import co.wpfoods.gateway.edge.domain.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Micrometer counters, exposed on {@code /actuator/prometheus} as
 * {@code wpfoods_gateway_webhooks_received_total}, {@code wpfoods_gateway_rejections_total{reason}},
 * {@code wpfoods_gateway_webhooks_forwarded_total{status}} and
 * {@code wpfoods_gateway_webhooks_upstream_failures_total{cause}}.
 */
public final class MicrometerGatewayMetrics implements GatewayMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Map<RejectionReason, Counter> rejections = new EnumMap<>(RejectionReason.class);

    public MicrometerGatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("wpfoods.gateway.webhooks.received")
                .description("POSTs that reached the Meta webhook endpoint, before any check")
                .register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejections.put(
                    reason,
                    Counter.builder("wpfoods.gateway.rejections")
                            .description("Requests refused by the gateway, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    @Override
    public void webhookReceived() {
        received.increment();
    }

    @Override
    public void rejected(RejectionReason reason) {
        rejections.get(reason).increment();
    }

    @Override
    public void webhookForwarded(int status) {
        Counter.builder("wpfoods.gateway.webhooks.forwarded")
                .description("Verified webhooks forwarded to webhook-service, by its answer")
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    @Override
    public void webhookUpstreamFailed(String cause) {
        Counter.builder("wpfoods.gateway.webhooks.upstream.failures")
                .description("Verified webhooks that webhook-service did not answer in time")
                .tag("cause", cause)
                .register(registry)
                .increment();
    }
}
