package co.wpfoods.payment.payment.config;

import co.wpfoods.security.web.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call payment-service's REST API: the payment providers' webhooks need no token (each
 * body is signature-checked by its own handler, Stripe's {@code Stripe-Signature}); everything else
 * is ops only except the local card page, platform/security's default (a restaurant token sees no payment until an endpoint
 * opens for it with an object-level check).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    ApiAuthorization paymentWebhooks() {
        return rules -> rules.requestMatchers("/api/payments/webhooks/**").permitAll();
    }

    /** The local card page (no Stripe key) is opened by the customer's browser from the payment link. */
    @Bean
    ApiAuthorization localCardPageIsOpen() {
        return rules -> rules.requestMatchers("/local-card/**").permitAll();
    }
}
