package co.wpfoods.security.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wpfoods.security.client.*}: which of Spring's client registrations
 * ({@code spring.security.oauth2.client.registration.<id>.*}, grant {@code client_credentials}) a service's outgoing
 * calls take their token from, and how long a token request may take.
 */
@ConfigurationProperties("wpfoods.security.client")
public record ServiceClientProperties(
        @DefaultValue("wpfoods") String registrationId,
        @DefaultValue("5s") Duration tokenTimeout) {

    public ServiceClientProperties {
        if (registrationId == null || registrationId.isBlank()) {
            throw new IllegalArgumentException("wpfoods.security.client.registration-id must not be blank");
        }
        if (tokenTimeout == null || tokenTimeout.isNegative() || tokenTimeout.isZero()) {
            throw new IllegalArgumentException("wpfoods.security.client.token-timeout must be positive");
        }
    }
}
