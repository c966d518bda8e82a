package co.wpfoods.gateway.edge.adapter.in.web;

import co.wpfoods.gateway.edge.domain.LogRedaction;
import co.wpfoods.gateway.edge.domain.RequestId;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access-log line per request on the {@code co.wpfoods.gateway.access} logger: method, path and
 * query with phone-like digit runs and secret parameters redacted, status, duration, request id and
 * client address. Bodies and headers are never logged.
 */
public final class AccessLogWebFilter implements WebFilter, Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("co.wpfoods.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long startNanos = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> log(exchange, startNanos));
    }

    private static void log(ServerWebExchange exchange, long startNanos) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        String rawQuery = request.getURI().getRawQuery();
        String target = LogRedaction.redactPathAndQuery(
                request.getURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery));
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
        RequestId id = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        InetSocketAddress remote = request.getRemoteAddress();
        String client = remote == null || remote.getAddress() == null
                ? "-"
                : remote.getAddress().getHostAddress();
        ACCESS.atInfo()
                .addKeyValue("method", request.getMethod().name())
                .addKeyValue("target", target)
                .addKeyValue("status", status == null ? 0 : status.value())
                .addKeyValue("duration_ms", durationMs)
                .addKeyValue("request_id", id == null ? "-" : id.value())
                .addKeyValue("client", client)
                .log(
                        "{} {} {} {}ms request_id={} client={}",
                        request.getMethod().name(),
                        target,
                        status == null ? 0 : status.value(),
                        durationMs,
                        id == null ? "-" : id.value(),
                        client);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
