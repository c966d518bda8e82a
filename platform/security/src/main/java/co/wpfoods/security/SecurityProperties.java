package co.wpfoods.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wpfoods.security.*}: claim names, the paths that stay open (webhooks with their own
 * signature checks) and the per-client REST rate limits. Which issuer signs the tokens is Spring's
 * standard {@code spring.security.oauth2.resourceserver.jwt.*} (issuer-uri, jwk-set-uri or
 * public-key-location); there is deliberately no switch that turns authentication off.
 */
@ConfigurationProperties("wpfoods.security")
public record SecurityProperties(
        @DefaultValue(TokenClaims.DEFAULT_ROLES_CLAIM) String rolesClaim,
        @DefaultValue(TokenClaims.DEFAULT_RESTAURANTS_CLAIM) String restaurantsClaim,
        @DefaultValue List<String> publicPaths,
        @DefaultValue RateLimit rateLimit) {

    public SecurityProperties {
        publicPaths = List.copyOf(publicPaths);
    }

    /** Per client (token's client or subject; the address when there is no token): product document 10/s, 100/min. */
    public record RateLimit(
            @DefaultValue("10") int perSecond,
            @DefaultValue("100") int perMinute,
            @DefaultValue("100000") int maxTrackedClients) {

        public RateLimit {
            if (perSecond < 1 || perMinute < 1 || maxTrackedClients < 1) {
                throw new IllegalArgumentException("wpfoods.security.rate-limit values must be at least 1");
            }
        }
    }
}
