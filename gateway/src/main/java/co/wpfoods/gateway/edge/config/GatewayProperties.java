package co.wpfoods.gateway.edge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway can be told, under {@code wpfoods.gateway}. Every property and its default
 * is listed in the module README.
 */
@Validated
@ConfigurationProperties("wpfoods.gateway")
public record GatewayProperties(
        @Valid @NotNull @DefaultValue Meta meta,
        @Valid @NotNull @DefaultValue Services services,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue AccessLog accessLog) {

    /** Meta's webhook: path, secrets, limits and the forward to webhook-service. */
    public record Meta(
            @NotBlank @Pattern(regexp = "/[A-Za-z0-9/_-]*") @DefaultValue("/webhooks/whatsapp")
            String webhookPath,
            /* HMAC key for X-Hub-Signature-256 (env WPFOODS_META_APP_SECRET). */
            @NotBlank String appSecret,
            /* The previous app secret, accepted too while a rotation is under way; blank = none. */
            @DefaultValue("") String appSecretPrevious,
            /* Token typed into Meta's dashboard, checked by the GET handshake. */
            @NotBlank String verifyToken,
            @NotNull @DefaultValue("3MB") DataSize maxBodySize,
            @NotNull @DefaultValue("5s") Duration forwardTimeout,
            @NotNull @DefaultValue("1s") Duration connectTimeout) {}

    /** Base URIs of the services behind the gateway; paths are forwarded unchanged. */
    public record Services(
            @NotNull @DefaultValue("http://localhost:8081") URI webhookService,
            @NotNull @DefaultValue("http://localhost:8082") URI orderService,
            @NotNull @DefaultValue("http://localhost:8083") URI dispatchService,
            @NotNull @DefaultValue("http://localhost:8084") URI paymentService,
            @NotNull @DefaultValue("http://localhost:8085") URI aiService) {}

    /** Per-client-IP limit on every route that is not Meta's. */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("10") long perSecond,
            @Min(1) @DefaultValue("100") long perMinute,
            /* How many X-Forwarded-For hops (from the right) are our own proxies; 0 = use the socket address. */
            @Min(0) @DefaultValue("0") int trustedProxyHops,
            @Min(1) @DefaultValue("100000") long maxTrackedClients) {}

    /** One redacted line per request on the {@code co.wpfoods.gateway.access} logger. */
    public record AccessLog(@DefaultValue("true") boolean enabled) {}
}
