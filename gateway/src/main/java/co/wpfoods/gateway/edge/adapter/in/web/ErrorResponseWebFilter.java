package co.wpfoods.gateway.edge.adapter.in.web;

import co.wpfoods.gateway.edge.domain.LogRedaction;
import java.io.IOException;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns any error that escapes a route into a status with an empty body, before Spring's default
 * error handler would log the raw request path (which may hold a phone number) and echo it in a
 * JSON body. A service that cannot be reached gives 503, one that does not answer in time 504.
 */
public final class ErrorResponseWebFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponseWebFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> respond(exchange, failure));
    }

    private static Mono<Void> respond(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = statusFor(failure);
        if (status.is5xxServerError()) {
            log.warn(
                    "{} {} answered {}: {}",
                    exchange.getRequest().getMethod().name(),
                    LogRedaction.redactPathAndQuery(
                            exchange.getRequest().getURI().getRawPath()),
                    status.value(),
                    failure.getClass().getSimpleName());
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        exchange.getResponse().setStatusCode(status);
        return exchange.getResponse().setComplete();
    }

    static HttpStatusCode statusFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResponseStatusException rse) {
                return rse.getStatusCode();
            }
            if (t instanceof ConnectException || t instanceof IOException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    @Override
    public int getOrder() {
        // Inside the request id and access log filters, so that the access log sees the final status.
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
