package co.wpfoods.gateway.metawebhook.adapter.in.web;

import co.wpfoods.gateway.edge.application.GatewayMetrics;
import co.wpfoods.gateway.edge.domain.RejectionReason;
import co.wpfoods.gateway.metawebhook.domain.WebhookSignatureVerifier;
import co.wpfoods.logging.tracing.Traces;
import io.micrometer.tracing.Span;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/whatsapp}: the checks Meta's deliveries must pass before webhook-service sees
 * them, cheapest first, then the forward of the exact bytes received.
 *
 * <ol>
 *   <li>{@code Content-Length} over the limit → 413, without reading the body;
 *   <li>content type not {@code application/json} → 415;
 *   <li>{@code X-Hub-Signature-256} missing or not {@code sha256=<64 hex>} → 401, without reading
 *       the body;
 *   <li>the body is read, counting bytes as they stream (chunked bodies have no length): over the
 *       limit → 413, the rest is not read;
 *   <li>HMAC mismatch under every accepted secret → 401;
 *   <li>the raw bytes are forwarded unchanged; webhook-service's status goes back to Meta, and when
 *       it cannot be reached or does not answer in time, 503 so that Meta retries.
 * </ol>
 *
 * Rejections have an empty body: nothing tells a forger which check failed.
 */
public final class MetaWebhookGatewayFilter implements GatewayFilter {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final Logger log = LoggerFactory.getLogger(MetaWebhookGatewayFilter.class);

    private final WebhookSignatureVerifier verifier;
    private final int maxBodyBytes;
    private final GatewayMetrics metrics;
    private final Traces traces;

    public MetaWebhookGatewayFilter(
            WebhookSignatureVerifier verifier, int maxBodyBytes, GatewayMetrics metrics, Traces traces) {
        this.verifier = verifier;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.traces = traces;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        metrics.webhookReceived();
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() > maxBodyBytes) {
            return reject(exchange, RejectionReason.SIZE, HttpStatus.CONTENT_TOO_LARGE);
        }
        if (!isJson(headers)) {
            return reject(exchange, RejectionReason.CONTENT_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
        String signature = headers.getFirst(SIGNATURE_HEADER);
        if (!WebhookSignatureVerifier.isWellFormed(signature)) {
            return reject(exchange, RejectionReason.SIGNATURE, HttpStatus.UNAUTHORIZED);
        }
        return readBounded(exchange.getRequest())
                .flatMap(body -> verifier.verify(signature, body).isValid()
                        ? forward(exchange, chain, body)
                        : reject(exchange, RejectionReason.SIGNATURE, HttpStatus.UNAUTHORIZED))
                .onErrorResume(
                        DataBufferLimitException.class,
                        tooLarge -> reject(exchange, RejectionReason.SIZE, HttpStatus.CONTENT_TOO_LARGE));
    }

    private Mono<byte[]> readBounded(ServerHttpRequest request) {
        // join() with a limit counts bytes as they arrive and releases what it holds when the limit
        // is passed, so an oversized chunked body never sits in memory whole.
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(MetaWebhookGatewayFilter::drain)
                .defaultIfEmpty(new byte[0]);
    }

    /**
     * The forward is the first span of the delivery's trace (a child of the caller's {@code traceparent} when it sent
     * one): webhook-service receives this span's {@code traceparent} and continues it.
     */
    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, byte[] body) {
        if (!traces.isTracing()) {
            return forward(exchange, chain, body, null);
        }
        String incoming = exchange.getRequest().getHeaders().getFirst(Traces.TRACEPARENT);
        return Mono.defer(() -> {
            Span span = traces.start(incoming, "webhook forward");
            return forward(exchange, chain, body, traces.traceparentOf(span)).doFinally(signal -> span.end());
        });
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, byte[] body, String traceparent) {
        ServerHttpRequest withLength = exchange.getRequest()
                .mutate()
                .headers(h -> {
                    h.remove(HttpHeaders.TRANSFER_ENCODING);
                    h.setContentLength(body.length);
                    if (traceparent != null) {
                        h.set(Traces.TRACEPARENT, traceparent);
                    }
                })
                .build();
        ServerHttpRequest withBody = new ServerHttpRequestDecorator(withLength) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        ServerWebExchange forwarded = exchange.mutate().request(withBody).build();
        return chain.filter(forwarded)
                .then(Mono.fromRunnable(() -> metrics.webhookForwarded(statusOf(forwarded))))
                .onErrorResume(failure -> upstreamFailed(forwarded, failure))
                .then();
    }

    private Mono<Void> upstreamFailed(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String cause = isTimeout(failure) ? "timeout" : "unreachable";
        metrics.webhookUpstreamFailed(cause);
        log.warn(
                "webhook-service {}: answering 503 so that Meta retries ({})",
                cause,
                failure.getClass().getSimpleName());
        exchange.getResponse().getHeaders().clearContentHeaders();
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        return exchange.getResponse().setComplete();
    }

    private Mono<Void> reject(ServerWebExchange exchange, RejectionReason reason, HttpStatus status) {
        metrics.rejected(reason);
        exchange.getResponse().setStatusCode(status);
        return exchange.getResponse().setComplete();
    }

    private static boolean isJson(HttpHeaders headers) {
        try {
            MediaType type = headers.getContentType();
            return type != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException rse
                            && rse.getStatusCode().isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    private static int statusOf(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? 0 : status.value();
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
