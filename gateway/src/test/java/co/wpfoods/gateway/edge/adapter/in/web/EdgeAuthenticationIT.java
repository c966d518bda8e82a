package co.wpfoods.gateway.edge.adapter.in.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import co.wpfoods.gateway.GatewayITSupport;
import co.wpfoods.gateway.WebhookPayloads;
import co.wpfoods.security.Role;
import co.wpfoods.security.jwt.LocalTokens;
import co.wpfoods.security.test.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The edge check (OWASP API2): /api/** needs a valid token before anything reaches a service; the webhooks do not. */
class EdgeAuthenticationIT extends GatewayITSupport {

    WebTestClient anonymous;

    @BeforeEach
    void upstreamAnswersAndClientHasNoToken() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        anonymous = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port())
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void an_api_request_without_a_token_gets_401_and_never_reaches_a_service() {
        for (String path : List.of("/api/orders/restaurants", "/api/dispatch/workers", "/api/ai/intent")) {
            anonymous
                    .get()
                    .uri(path)
                    .header("X-Forwarded-For", "192.0.2.10")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueMatches("WWW-Authenticate", "Bearer.*")
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401);
        }
        anonymous
                .post()
                .uri("/api/dispatch/workers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Intruso\",\"waId\":\"573009999999\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void a_token_from_another_key_is_refused_at_the_edge() {
        String forged = LocalTokens.generate("wpfoods-test")
                .mint("intruder", List.of(Role.OPS), List.of(), Duration.ofMinutes(5));

        anonymous
                .get()
                .uri("/api/orders/restaurants")
                .header("Authorization", "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void a_valid_token_is_forwarded_so_that_the_service_checks_it_again() {
        String token = TestTokens.restaurant("r-1");

        anonymous
                .get()
                .uri("/api/orders/restaurants/r-1/menu")
                .header("Authorization", token)
                .header("X-Forwarded-For", "192.0.2.11")
                .exchange()
                .expectStatus()
                .isOk();

        UPSTREAM.verify(
                exactly(1),
                getRequestedFor(urlEqualTo("/api/orders/restaurants/r-1/menu"))
                        .withHeader("Authorization", equalTo(token)));
    }

    @Test
    void stripe_and_meta_webhooks_need_no_token_because_their_bodies_are_signed() {
        anonymous
                .post()
                .uri("/api/payments/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "192.0.2.12")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
        UPSTREAM.verify(exactly(1), postRequestedFor(urlEqualTo("/api/payments/webhooks/stripe")));

        byte[] body = WebhookPayloads.textMessage();
        anonymous
                .post()
                .uri(WEBHOOK_PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        "X-Hub-Signature-256",
                        co.wpfoods.gateway.metawebhook.domain.WebhookSignatureVerifier.sign(CURRENT_SECRET, body))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void security_headers_are_set_and_probes_stay_open() {
        anonymous
                .get()
                .uri("/api/orders/restaurants")
                .exchange()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueMatches("Content-Security-Policy", ".*default-src 'none'.*");
        anonymous
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
