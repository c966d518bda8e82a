package co.wpfoods.gateway.edge.adapter.in.web;

import co.wpfoods.gateway.edge.domain.RequestId;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when well-formed, a fresh one otherwise.
 * The id is forwarded to the service behind the gateway and returned in the response (also on
 * requests the gateway itself rejects).
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the {@link RequestId}. */
    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestId id =
                RequestId.keepOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(RequestId.HEADER, id.value()))
                .build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, id);
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestId.HEADER, id.value());
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
