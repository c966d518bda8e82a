package co.wpfoods.order.marketing.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code wpfoods.order.marketing.*}: the win-back template (a marketing template, only with the customer's grant). */
@ConfigurationProperties("wpfoods.order.marketing")
public record MarketingProperties(
        @DefaultValue("14d") Duration winBackAfter,
        @DefaultValue("30d") Duration winBackEvery,
        @DefaultValue("bienvenida_de_nuevo") String winBackTemplate,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("200") int batchSize) {}
