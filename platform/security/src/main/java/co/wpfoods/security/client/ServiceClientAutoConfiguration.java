package co.wpfoods.security.client;

import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;

/**
 * {@link ServiceCallAuthentication} for every service: with Spring Boot's client registration
 * {@code spring.security.oauth2.client.registration.<wpfoods.security.client.registration-id>} (grant
 * {@code client_credentials}) outgoing calls get their tokens from that issuer, otherwise they carry the token
 * configured for them. The authorized client manager works outside any HTTP request (Kafka listeners, background
 * warm-ups): one token per service, not per caller.
 */
@AutoConfiguration(after = OAuth2ClientAutoConfiguration.class)
@ConditionalOnClass({RestClient.class, ClientRegistration.class})
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceCallAuthentication serviceCallAuthentication(
            ServiceClientProperties properties,
            ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        OAuth2AuthorizedClientService clients = authorizedClients.getIfAvailable();
        if (repository == null || clients == null) {
            return ServiceCallAuthentication.localTokensOnly();
        }
        String id = properties.registrationId();
        ClientRegistration registration = repository.findByRegistrationId(id);
        if (registration == null) {
            throw new IllegalStateException("OAuth2 client registrations " + registrationIds(repository)
                    + " are configured but none is named '" + id
                    + "' (set wpfoods.security.client.registration-id)");
        }
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(registration.getAuthorizationGrantType())) {
            throw new IllegalStateException("OAuth2 client registration '" + id
                    + "' must use authorization-grant-type=client_credentials (service-to-service calls)");
        }
        return ServiceCallAuthentication.clientCredentials(repository, clients, id, properties.tokenTimeout());
    }

    private static List<String> registrationIds(ClientRegistrationRepository repository) {
        if (repository instanceof Iterable<?> all) {
            return StreamSupport.stream(all.spliterator(), false)
                    .map(r -> ((ClientRegistration) r).getRegistrationId())
                    .toList();
        }
        return List.of();
    }
}
