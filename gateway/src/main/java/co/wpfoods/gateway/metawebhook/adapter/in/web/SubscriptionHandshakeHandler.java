package co.wpfoods.gateway.metawebhook.adapter.in.web;

import co.wpfoods.gateway.edge.application.GatewayMetrics;
import co.wpfoods.gateway.edge.domain.RejectionReason;
import co.wpfoods.gateway.metawebhook.domain.SubscriptionHandshake;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /webhooks/whatsapp}: answers Meta's verification handshake with the raw challenge as
 * {@code text/plain}, or 403 with an empty body.
 */
public final class SubscriptionHandshakeHandler implements HandlerFunction<ServerResponse> {

    private final SubscriptionHandshake handshake;
    private final GatewayMetrics metrics;

    public SubscriptionHandshakeHandler(SubscriptionHandshake handshake, GatewayMetrics metrics) {
        this.handshake = handshake;
        this.metrics = metrics;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return handshake
                .answer(
                        request.queryParam("hub.mode").orElse(null),
                        request.queryParam("hub.verify_token").orElse(null),
                        request.queryParam("hub.challenge").orElse(null))
                .map(challenge -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_PLAIN)
                        .header("Cache-Control", "no-store")
                        .header("X-Content-Type-Options", "nosniff")
                        .bodyValue(challenge))
                .orElseGet(() -> {
                    metrics.rejected(RejectionReason.VERIFY_TOKEN);
                    return ServerResponse.status(HttpStatus.FORBIDDEN).build();
                });
    }
}
