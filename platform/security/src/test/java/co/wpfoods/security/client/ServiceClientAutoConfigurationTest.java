package co.wpfoods.security.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which way a service's outgoing calls authenticate, from its configuration alone; a half-right one stops it. */
class ServiceClientAutoConfigurationTest {

    static final String REGISTRATION = "spring.security.oauth2.client.registration.";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(OAuth2ClientAutoConfiguration.class, ServiceClientAutoConfiguration.class));

    @Test
    void without_a_client_registration_calls_carry_the_configured_token() {
        runner.run(context -> assertThat(
                        context.getBean(ServiceCallAuthentication.class).fromIssuer())
                .isFalse());
    }

    @Test
    void with_a_client_credentials_registration_calls_take_tokens_from_the_issuer() {
        runner.withPropertyValues(clientCredentials("wpfoods"))
                .run(context -> assertThat(
                                context.getBean(ServiceCallAuthentication.class).fromIssuer())
                        .isTrue());
    }

    @Test
    void a_registration_under_another_name_stops_the_service_with_the_names_it_found() {
        runner.withPropertyValues(clientCredentials("keycloak"))
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("[keycloak]")
                        .hasMessageContaining("wpfoods.security.client.registration-id"));
    }

    @Test
    void the_registration_is_found_under_the_configured_name() {
        runner.withPropertyValues(clientCredentials("keycloak"))
                .withPropertyValues("wpfoods.security.client.registration-id=keycloak")
                .run(context -> assertThat(
                                context.getBean(ServiceCallAuthentication.class).fromIssuer())
                        .isTrue());
    }

    @Test
    void a_registration_that_is_not_client_credentials_stops_the_service() {
        runner.withPropertyValues(
                        REGISTRATION + "wpfoods.client-id=order-service",
                        REGISTRATION + "wpfoods.client-secret=secret",
                        REGISTRATION + "wpfoods.authorization-grant-type=authorization_code",
                        REGISTRATION + "wpfoods.redirect-uri=http://localhost/login/oauth2/code/wpfoods",
                        "spring.security.oauth2.client.provider.wpfoods.authorization-uri=http://issuer.test/authorize",
                        "spring.security.oauth2.client.provider.wpfoods.token-uri=http://issuer.test/token")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("client_credentials"));
    }

    static String[] clientCredentials(String id) {
        return new String[] {
            REGISTRATION + id + ".client-id=order-service",
            REGISTRATION + id + ".client-secret=secret",
            REGISTRATION + id + ".authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.provider." + id + ".token-uri=http://issuer.test/token"
        };
    }
}
