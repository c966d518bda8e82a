package co.wpfoods.order.catalog.config;

import co.wpfoods.security.Role;
import co.wpfoods.security.web.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call order-service's REST API (platform/security makes every other path ops-only).
 * Registering a restaurant is for ops; reading a restaurant and reading or publishing its menu also
 * for that restaurant's own token, which the controller checks object by object ({@code Caller}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final String OPS = Role.OPS.claimValue();
    private static final String RESTAURANT = Role.RESTAURANT.claimValue();

    @Bean
    ApiAuthorization catalogApi() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/orders/restaurants")
                .hasRole(OPS)
                .requestMatchers(HttpMethod.GET, "/api/orders/restaurants", "/api/orders/restaurants/*")
                .hasAnyRole(OPS, RESTAURANT)
                .requestMatchers("/api/orders/restaurants/*/menu")
                .hasAnyRole(OPS, RESTAURANT);
    }
}
