package co.wpfoods.order.privacy.config;

import co.wpfoods.order.privacy.application.PrivacySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    PrivacySettings privacySettings(PrivacyProperties properties, @Value("${spring.application.name}") String service) {
        return new PrivacySettings(
                service, properties.erasureServices(), properties.policyVersion(), properties.erasedTemplate());
    }
}
