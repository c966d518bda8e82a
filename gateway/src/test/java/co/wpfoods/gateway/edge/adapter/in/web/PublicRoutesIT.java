package co.wpfoods.gateway.edge.adapter.in.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.gateway.GatewayITSupport;
import co.wpfoods.gateway.WebhookPayloads;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

@ExtendWith(OutputCaptureExtension.class)
class PublicRoutesIT extends GatewayITSupport {

    // Test config: 10 requests/minute per client, client = last X-Forwarded-For hop (one trusted proxy).
    private static final int PER_MINUTE = 10;
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    private String clientIp;

    @BeforeEach
    void everyServiceAnswers200() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        clientIp = "203.0.113." + NEXT_CLIENT.getAndIncrement();
    }

    @Test
    void routes_each_public_prefix_to_its_service_with_the_path_unchanged() {
        for (String path : List.of(
                "/api/orders/ord-42",
                "/api/dispatch/workers/w-7/location",
                "/api/ai/intent",
                "/api/payments/webhooks/wompi")) {
            gateway.get()
                    .uri(path)
                    .header("X-Forwarded-For", "203.0.113.200")
                    .exchange()
                    .expectStatus()
                    .isOk();
            UPSTREAM.verify(exactly(1), getRequestedFor(urlEqualTo(path)));
        }
    }

    @Test
    void answers_503_with_no_body_and_logs_no_phone_number_when_a_service_drops_the_connection(CapturedOutput output) {
        UPSTREAM.stubFor(any(urlEqualTo("/api/orders/by-phone/573009876543"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        gateway.get()
                .uri("/api/orders/by-phone/573009876543")
                .header("X-Forwarded-For", clientIp)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .isEmpty();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut()).contains("GET /api/orders/by-phone/[redacted] 503"));
        assertThat(output.getOut()).contains("answered 503").doesNotContain("573009876543");
    }

    @Test
    void reports_liveness_and_readiness_for_the_platform() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            gateway.get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
    }

    @Test
    void does_not_expose_paths_without_a_route() {
        gateway.get()
                .uri("/api/payments/refunds")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .isEmpty();

        UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void limits_a_client_on_a_public_route_with_429_and_retry_after() {
        // Sends until refused; the 10/min bucket refills one token per 6 s, so a slow machine may let
        // a few more through, but the first ten always pass and a refusal must come.
        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> last = null;
        while (statuses.size() < 3 * PER_MINUTE && !statuses.contains(429)) {
            last = gateway.get()
                    .uri("/api/orders/ord-42")
                    .header("X-Forwarded-For", clientIp)
                    .exchange()
                    .expectBody()
                    .returnResult();
            statuses.add(last.getStatus().value());
        }

        assertThat(statuses.subList(0, PER_MINUTE)).containsOnly(200);
        assertThat(last.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(last.getResponseHeaders().getFirst("Retry-After")))
                .isBetween(1L, 60L);
        UPSTREAM.verify(exactly(statuses.size() - 1), getRequestedFor(urlEqualTo("/api/orders/ord-42")));
    }

    @Test
    void keeps_clients_apart() {
        int status = 200;
        for (int i = 0; i < 3 * PER_MINUTE && status != 429; i++) {
            status = gateway.get()
                    .uri("/api/ai/intent")
                    .header("X-Forwarded-For", clientIp)
                    .exchange()
                    .expectBody()
                    .returnResult()
                    .getStatus()
                    .value();
        }
        assertThat(status).isEqualTo(429);

        gateway.get()
                .uri("/api/ai/intent")
                .header("X-Forwarded-For", "198.51.100." + NEXT_CLIENT.getAndIncrement())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void never_rate_limits_metas_webhook_or_handshake() {
        byte[] body = WebhookPayloads.textMessage();
        for (int i = 0; i < 3 * PER_MINUTE; i++) {
            signedWebhook(body, CURRENT_SECRET)
                    .header("X-Forwarded-For", clientIp)
                    .exchange()
                    .expectStatus()
                    .isOk();
            gateway.get()
                    .uri(WEBHOOK_PATH + "?hub.mode=subscribe&hub.challenge=7&hub.verify_token=" + VERIFY_TOKEN)
                    .header("X-Forwarded-For", clientIp)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        UPSTREAM.verify(exactly(3 * PER_MINUTE), postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
    }

    @Test
    void generates_a_request_id_returns_it_and_forwards_it() {
        String id = gateway.get()
                .uri("/api/orders/ord-42")
                .header("X-Forwarded-For", clientIp)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(id).matches("[0-9a-f-]{36}");
        UPSTREAM.verify(getRequestedFor(urlEqualTo("/api/orders/ord-42")).withHeader("X-Request-Id", equalTo(id)));
    }

    @Test
    void keeps_a_well_formed_request_id_and_replaces_a_malformed_one() {
        gateway.post()
                .uri(WEBHOOK_PATH)
                .header("X-Request-Id", "meta-retry-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-Request-Id", "meta-retry-01");

        gateway.get()
                .uri("/api/orders/ord-42")
                .header("X-Forwarded-For", clientIp)
                .header("X-Request-Id", "customer-573001234567")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("X-Request-Id", id -> assertThat(id).doesNotContain("573001234567"));
        UPSTREAM.verify(getRequestedFor(urlEqualTo("/api/orders/ord-42"))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}")));
    }

    @Test
    void writes_access_log_lines_without_phone_numbers_or_secrets(CapturedOutput output) {
        gateway.get()
                .uri("/api/orders/by-phone/573001234567?wa_id=573001234567")
                .header("X-Forwarded-For", clientIp)
                .exchange()
                .expectStatus()
                .isOk();
        gateway.get()
                .uri(WEBHOOK_PATH + "?hub.mode=subscribe&hub.challenge=7&hub.verify_token=" + VERIFY_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        // The access line is written when the exchange completes, which may be just after the client has its answer.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut())
                        .contains("GET /api/orders/by-phone/[redacted]?wa_id=[redacted] 200")
                        .contains("hub.verify_token=[redacted]"));
        assertThat(output.getOut()).doesNotContain("573001234567").doesNotContain(VERIFY_TOKEN);
    }
}
