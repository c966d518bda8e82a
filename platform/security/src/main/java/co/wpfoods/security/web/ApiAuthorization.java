package co.wpfoods.security.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's function-level rules (OWASP API5), as a bean: which roles may call which of its
 * paths. Applied after the open paths (health probes, webhooks) and before the default, which is
 * {@code ops} only: an endpoint nobody opened is for ops alone.
 *
 * <pre>{@code
 * @Bean
 * ApiAuthorization dispatchApi() {
 *     return rules -> rules.requestMatchers("/api/dispatch/workers/**").hasAnyRole("worker-admin", "ops");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ApiAuthorization {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
