package co.wpfoods.dispatch.delivery.config;

import co.wpfoods.security.Role;
import co.wpfoods.security.web.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call dispatch-service's REST API (platform/security makes every other path ops-only).
 * Registering rapitenderos and reading the worker list, with their WhatsApp numbers, is for whoever
 * signs workers up ({@code worker-admin}) and ops; no restaurant or service token reaches it.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    ApiAuthorization workersApi() {
        return rules -> rules.requestMatchers("/api/dispatch/workers", "/api/dispatch/workers/**")
                .hasAnyRole(Role.WORKER_ADMIN.claimValue(), Role.OPS.claimValue());
    }
}
