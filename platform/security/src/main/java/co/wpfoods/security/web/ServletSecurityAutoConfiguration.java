package co.wpfoods.security.web;

import co.wpfoods.security.ClientRateLimiter;
import co.wpfoods.security.Role;
import co.wpfoods.security.SecurityProperties;
import co.wpfoods.security.TokenClaims;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Makes a servlet service an OAuth2 resource server: every request needs a valid JWT (signature,
 * expiry, and issuer where configured) except health probes, the Prometheus scrape (reachable only
 * inside the cluster) and the service's {@code wpfoods.security.public-paths}; the service's
 * {@link ApiAuthorization} beans say which roles may call what, and everything else is ops only.
 * Stateless (no session, no CSRF token: nothing is authenticated by a cookie), security headers on
 * every answer, problem-detail bodies without internals, per-client rate limits.
 */
@AutoConfiguration(
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            OAuth2ClientWebSecurityAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ServletSecurityAutoConfiguration {

    static final List<String> OPEN_ACTUATOR =
            List.of("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus");

    /** A page or size out of {@link PageBounds} is a 400 with the reason, in every controller of the service. */
    @Bean
    PageBoundsAdvice pageBoundsAdvice() {
        return new PageBoundsAdvice();
    }

    /** A WhatsApp number out of shape ({@code WaId.parse}) is a 400 with the reason, in every controller. */
    @Bean
    @ConditionalOnClass(name = "co.wpfoods.schemas.wa.WaId")
    WaIdAdvice waIdAdvice() {
        return new WaIdAdvice();
    }

    @Bean
    SecurityFilterChain wpfoodsSecurityFilterChain(
            HttpSecurity http, SecurityProperties properties, ObjectProvider<ApiAuthorization> serviceRules)
            throws Exception {
        TokenClaims claims = new TokenClaims(properties.rolesClaim(), properties.restaurantsClaim());
        SecurityProperties.RateLimit limit = properties.rateLimit();
        ClientRateLimiter limiter =
                new ClientRateLimiter(limit.perSecond(), limit.perMinute(), limit.maxTrackedClients());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(claims))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterAfter(new ClientRateLimitFilter(limiter), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> {
                    // Spring's error page renders the status of a request that was already authorized
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers(OPEN_ACTUATOR.toArray(String[]::new)).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        rules.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    serviceRules.orderedStream().forEach(rule -> rule.configure(rules));
                    rules.anyRequest().hasRole(Role.OPS.claimValue());
                });
        return http.build();
    }
}
