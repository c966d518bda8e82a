package co.wpfoods.dispatch.delivery.config;

import co.wpfoods.dispatch.delivery.adapter.out.ai.AiServiceIntents;
import co.wpfoods.dispatch.delivery.adapter.out.ai.AiSettings;
import co.wpfoods.dispatch.delivery.application.DispatchSettings;
import co.wpfoods.security.client.ServiceCallAuthentication;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands {@code wpfoods.dispatch.*} to the delivery use cases (as {@link DispatchSettings}) and to the ai-service client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
class DeliveryConfiguration {

    @Bean
    DispatchSettings dispatchSettings(DispatchProperties properties) {
        return properties.settings();
    }

    @Bean
    AiServiceIntents aiServiceIntents(
            DispatchProperties properties,
            ServiceCallAuthentication serviceCalls,
            ObjectProvider<MeterRegistry> meters) {
        DispatchProperties.Ai ai = properties.ai();
        return new AiServiceIntents(
                new AiSettings(
                        ai.baseUrl(),
                        ai.timeout(),
                        ai.failureRateThreshold(),
                        ai.slidingWindow(),
                        ai.openFor(),
                        ai.bearerToken(),
                        ai.warmUp(),
                        ai.warmUpTimeout(),
                        ai.warmUpWithin()),
                serviceCalls,
                meters);
    }
}
