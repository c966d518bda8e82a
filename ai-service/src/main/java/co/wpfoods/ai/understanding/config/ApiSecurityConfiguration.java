package co.wpfoods.ai.understanding.config;

import co.wpfoods.security.Role;
import co.wpfoods.security.web.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call ai-service's REST API (platform/security makes every other path ops-only): the
 * language endpoints spend LLM credit, so only other WPFoods services ({@code service} role, e.g.
 * order-service with a client-credentials token) call them; the usage report is for ops.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    ApiAuthorization aiApi() {
        return rules -> rules.requestMatchers("/api/ai/usage", "/api/ai/usage/**")
                .hasRole(Role.OPS.claimValue())
                .requestMatchers("/api/ai/**")
                .hasRole(Role.SERVICE.claimValue());
    }
}
