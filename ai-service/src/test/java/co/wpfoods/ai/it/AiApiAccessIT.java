package co.wpfoods.ai.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.client.ServiceCallAuthentication;
import co.wpfoods.security.test.TestTokenEndpoint;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;

/** OWASP API5 on ai-service: only the service role spends LLM credit, only ops reads the usage report. */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiApiAccessIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String INTENT = "{\"text\":\"quiero una bandeja paisa\",\"role\":\"CUSTOMER\"}";

    @LocalServerPort
    int port;

    @Test
    void nobody_without_the_service_role_reaches_the_language_endpoints() throws Exception {
        assertThat(post("/api/ai/intent", INTENT, null)).isEqualTo(401);
        assertThat(post("/api/ai/intent", INTENT, TestTokens.ops())).isEqualTo(403);
        assertThat(post("/api/ai/intent", INTENT, TestTokens.restaurant("r-1"))).isEqualTo(403);
        assertThat(post("/api/ai/generate", "{}", TestTokens.workerAdmin())).isEqualTo(403);

        assertThat(post("/api/ai/intent", INTENT, TestTokens.service())).isEqualTo(200);
    }

    @Test
    void a_client_credentials_token_from_the_issuer_is_accepted_and_kept_by_the_calling_service() {
        // given order-service's outgoing client as platform/security builds it from a client registration
        try (var issuer = TestTokenEndpoint.start("order-service", "order-service-secret")) {
            var registrations =
                    new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("wpfoods")
                            .clientId("order-service")
                            .clientSecret("order-service-secret")
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .tokenUri(issuer.tokenUri())
                            .build());
            var serviceCalls = ServiceCallAuthentication.clientCredentials(
                    registrations,
                    new InMemoryOAuth2AuthorizedClientService(registrations),
                    "wpfoods",
                    Duration.ofSeconds(5));
            RestClient orderService = RestClient.builder()
                    .baseUrl("http://localhost:" + port)
                    .apply(serviceCalls.bearer(null))
                    .build();

            // when it asks ai-service twice
            for (int i = 0; i < 2; i++) {
                String intent = orderService
                        .post()
                        .uri("/api/ai/intent")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(INTENT)
                        .retrieve()
                        .body(String.class);

                // then ai-service answers with the intent
                assertThat(intent).contains("\"intent\":");
            }
            // and the token was fetched once
            assertThat(issuer.issued()).isEqualTo(1);
        }
    }

    @Test
    void the_usage_report_is_for_ops_only() throws Exception {
        assertThat(get("/api/ai/usage", TestTokens.service())).isEqualTo(403);
        assertThat(get("/api/ai/usage", TestTokens.ops())).isEqualTo(200);
    }

    int post(String path, String body, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    int get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .GET();
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
