package co.wpfoods.order.privacy.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code wpfoods.order.privacy.*}: the erasure coordinator and the data-rights chat. */
@ConfigurationProperties("wpfoods.order.privacy")
public record PrivacyProperties(
        @DefaultValue({
            "order-service",
            "dispatch-service",
            "payment-service",
            "messaging-service",
            "webhook-service",
            "ai-service"
        })
        List<String> erasureServices,

        @DefaultValue("2026-11") String policyVersion,
        @DefaultValue("datos_borrados") String erasedTemplate) {}
