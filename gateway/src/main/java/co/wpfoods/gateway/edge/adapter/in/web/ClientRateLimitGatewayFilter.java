package co.wpfoods.gateway.edge.adapter.in.web;

import co.wpfoods.gateway.edge.application.ClientRateLimiter;
import co.wpfoods.gateway.edge.application.GatewayMetrics;
import co.wpfoods.gateway.edge.application.RateDecision;
import co.wpfoods.gateway.edge.domain.RejectionReason;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Per-client-IP rate limit for the routes that are not Meta's. Over the limit: 429 with
 * {@code Retry-After} (whole seconds) and an empty body.
 */
public final class ClientRateLimitGatewayFilter implements GatewayFilter {

    private final ClientRateLimiter limiter;
    private final RemoteAddressResolver clientAddress;
    private final GatewayMetrics metrics;

    public ClientRateLimitGatewayFilter(
            ClientRateLimiter limiter, RemoteAddressResolver clientAddress, GatewayMetrics metrics) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RateDecision decision = limiter.tryAcquire(clientKey(exchange));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        metrics.rejected(RejectionReason.RATE_LIMIT);
        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        return exchange.getResponse().setComplete();
    }

    private String clientKey(ServerWebExchange exchange) {
        InetSocketAddress address = clientAddress.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
