package co.wpfoods.gateway.edge.config;

import co.wpfoods.gateway.edge.adapter.in.web.AccessLogWebFilter;
import co.wpfoods.gateway.edge.adapter.in.web.ClientRateLimitGatewayFilter;
import co.wpfoods.gateway.edge.adapter.in.web.ErrorResponseWebFilter;
import co.wpfoods.gateway.edge.adapter.in.web.RequestIdWebFilter;
import co.wpfoods.gateway.edge.adapter.out.metrics.MicrometerGatewayMetrics;
import co.wpfoods.gateway.edge.application.ClientRateLimiter;
import co.wpfoods.gateway.edge.application.GatewayMetrics;
import co.wpfoods.gateway.metawebhook.adapter.in.web.MetaWebhookGatewayFilter;
import co.wpfoods.gateway.metawebhook.adapter.in.web.SubscriptionHandshakeHandler;
import co.wpfoods.gateway.metawebhook.domain.SubscriptionHandshake;
import co.wpfoods.gateway.metawebhook.domain.WebhookSignatureVerifier;
import co.wpfoods.logging.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Wires the gateway: Meta's webhook (handshake answered here, POSTs checked and forwarded to
 * webhook-service) and the rate-limited routes to the other services' public endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

    /** Public path prefixes and the service each one goes to; paths are forwarded unchanged. */
    static final String PAYMENT_WEBHOOKS = "/api/payments/webhooks/**";

    static final String ORDERS = "/api/orders/**";
    static final String DISPATCH = "/api/dispatch/**";
    static final String AI = "/api/ai/**";

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);
    private static final String LOCAL_DEV_MARKER = "local-dev-only";

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry) {
        return new MicrometerGatewayMetrics(registry);
    }

    @Bean
    WebhookSignatureVerifier webhookSignatureVerifier(GatewayProperties properties) {
        GatewayProperties.Meta meta = properties.meta();
        if (meta.appSecret().startsWith(LOCAL_DEV_MARKER) || meta.verifyToken().startsWith(LOCAL_DEV_MARKER)) {
            log.warn("Meta app secret or verify token is the local-development default: set"
                    + " WPFOODS_META_APP_SECRET and WPFOODS_META_VERIFY_TOKEN outside local runs");
        }
        return new WebhookSignatureVerifier(List.of(meta.appSecret(), meta.appSecretPrevious()));
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    ErrorResponseWebFilter errorResponseWebFilter() {
        return new ErrorResponseWebFilter();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "wpfoods.gateway.access-log.enabled", matchIfMissing = true)
    AccessLogWebFilter accessLogWebFilter() {
        return new AccessLogWebFilter();
    }

    @Bean
    RouterFunction<ServerResponse> subscriptionHandshake(GatewayProperties properties, GatewayMetrics metrics) {
        SubscriptionHandshakeHandler handler = new SubscriptionHandshakeHandler(
                new SubscriptionHandshake(properties.meta().verifyToken()), metrics);
        return RouterFunctions.route(RequestPredicates.GET(properties.meta().webhookPath()), handler);
    }

    @Bean
    RouteLocator wpfoodsRoutes(
            RouteLocatorBuilder builder,
            GatewayProperties properties,
            WebhookSignatureVerifier verifier,
            GatewayMetrics metrics,
            Traces traces) {
        GatewayProperties.Meta meta = properties.meta();
        GatewayProperties.Services services = properties.services();
        MetaWebhookGatewayFilter webhookFilter = new MetaWebhookGatewayFilter(
                verifier, Math.toIntExact(meta.maxBodySize().toBytes()), metrics, traces);
        GatewayFilter rateLimit = rateLimitFilter(properties.rateLimit(), metrics);
        return builder.routes()
                .route(
                        "whatsapp-webhook",
                        r -> r.method(HttpMethod.POST)
                                .and()
                                .path(meta.webhookPath())
                                .filters(f -> f.filter(webhookFilter))
                                .metadata(
                                        RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
                                        meta.forwardTimeout().toMillis())
                                .metadata(
                                        RouteMetadataUtils.CONNECT_TIMEOUT_ATTR,
                                        Math.toIntExact(meta.connectTimeout().toMillis()))
                                .uri(services.webhookService()))
                .route(
                        "payment-webhooks",
                        r -> r.path(PAYMENT_WEBHOOKS)
                                .filters(f -> f.filter(rateLimit))
                                .uri(services.paymentService()))
                .route(
                        "orders",
                        r -> r.path(ORDERS).filters(f -> f.filter(rateLimit)).uri(services.orderService()))
                .route(
                        "dispatch",
                        r -> r.path(DISPATCH).filters(f -> f.filter(rateLimit)).uri(services.dispatchService()))
                .route("ai", r -> r.path(AI).filters(f -> f.filter(rateLimit)).uri(services.aiService()))
                .build();
    }

    private static GatewayFilter rateLimitFilter(GatewayProperties.RateLimit rateLimit, GatewayMetrics metrics) {
        if (!rateLimit.enabled()) {
            return (exchange, chain) -> chain.filter(exchange);
        }
        RemoteAddressResolver clientAddress = rateLimit.trustedProxyHops() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(rateLimit.trustedProxyHops())
                : new RemoteAddressResolver() {};
        return new ClientRateLimitGatewayFilter(
                new ClientRateLimiter(rateLimit.perSecond(), rateLimit.perMinute(), rateLimit.maxTrackedClients()),
                clientAddress,
                metrics);
    }
}
