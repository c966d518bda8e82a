package co.wpfoods.security.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.security.jwt.LocalTokens;
import co.wpfoods.security.test.TestTokenEndpoint;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.security.web.SecuredTestApplication;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * With a client registration configured, a service's outgoing calls take a client-credentials token from a real
 * token endpoint (served in-process), keep it while it is valid, send it, and a resource server with this module
 * accepts it; the configured local token is then ignored.
 */
@SpringBootTest(
        classes = SecuredTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // one client calls many times in a row here; the limits have their own test (ResourceServerIT)
        properties = {"wpfoods.security.rate-limit.per-second=1000", "wpfoods.security.rate-limit.per-minute=10000"})
class ServiceClientCredentialsIT {

    static final TestTokenEndpoint ISSUER = TestTokenEndpoint.start("order-service", "s3cr3t/with+signs");

    @DynamicPropertySource
    static void clientRegistration(DynamicPropertyRegistry registry) {
        ISSUER.clientRegistration("wpfoods").forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ServiceCallAuthentication serviceCalls;

    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    RestClient client;

    @BeforeEach
    void givenNoKeptTokenAndTheIssuersUsualTokens() {
        authorizedClients.removeAuthorizedClient("wpfoods", ServiceCallAuthentication.SERVICE_PRINCIPAL.getName());
        ISSUER.issueTokensValidFor(Duration.ofMinutes(10));
        ISSUER.signWith(TestTokens.issuer());
        client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .apply(serviceCalls.bearer("a-local-token-that-must-not-be-sent"))
                .build();
    }

    @SuppressWarnings("unchecked")
    Map<String, String> callInternal() {
        return client.get().uri("/api/test/internal/caller").retrieve().body(Map.class);
    }

    @Test
    void given_a_client_registration_when_a_service_calls_another_then_it_sends_the_issuers_token() {
        assertThat(serviceCalls.fromIssuer()).isTrue();
        int before = ISSUER.issued();

        Map<String, String> answer = callInternal();

        assertThat(answer).containsEntry("subject", "order-service");
        assertThat(ISSUER.issued()).isEqualTo(before + 1);
    }

    @Test
    void given_a_valid_token_when_the_service_calls_again_then_it_reuses_it_without_asking_the_issuer() {
        int before = ISSUER.issued();

        for (int i = 0; i < 5; i++) {
            assertThat(callInternal()).containsEntry("subject", "order-service");
        }

        assertThat(ISSUER.issued()).isEqualTo(before + 1);
    }

    @Test
    void given_tokens_that_expire_within_the_clock_skew_when_the_service_calls_again_then_it_asks_for_a_new_one() {
        // Spring treats a token that expires within a minute as expired already
        ISSUER.issueTokensValidFor(Duration.ofSeconds(30));
        int before = ISSUER.issued();

        callInternal();
        callInternal();

        assertThat(ISSUER.issued()).isEqualTo(before + 2);
    }

    @Test
    void given_a_token_the_called_service_refuses_when_it_answers_401_then_the_next_call_gets_a_new_token() {
        ISSUER.signWith(LocalTokens.generate("wpfoods-test"));
        assertThatThrownBy(this::callInternal)
                .isInstanceOfSatisfying(
                        HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(401));

        ISSUER.signWith(TestTokens.issuer());
        int before = ISSUER.issued();

        assertThat(callInternal()).containsEntry("subject", "order-service");
        assertThat(ISSUER.issued()).isEqualTo(before + 1);
    }
}
