package co.wpfoods.gateway.metawebhook.adapter.in.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.gateway.GatewayITSupport;
import co.wpfoods.gateway.WebhookPayloads;
import co.wpfoods.gateway.metawebhook.domain.WebhookSignatureVerifier;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

class MetaWebhookIT extends GatewayITSupport {

    private static final byte[] BODY = WebhookPayloads.textMessage();

    @BeforeEach
    void webhookServiceAcceptsEverything() {
        UPSTREAM.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200)));
    }

    @Nested
    class Handshake {

        @Test
        void echoes_the_challenge_as_plain_text_when_mode_and_token_are_right() {
            gateway.get()
                    .uri(WEBHOOK_PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                    .expectBody(String.class)
                    .isEqualTo("1158201444");
        }

        @Test
        void refuses_a_wrong_verify_token_with_403_and_no_body() {
            gateway.get()
                    .uri(WEBHOOK_PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .isEmpty();
        }

        @Test
        void refuses_a_mode_other_than_subscribe_with_403() {
            gateway.get()
                    .uri(WEBHOOK_PATH + "?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token="
                            + VERIFY_TOKEN)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Nested
    class Signature {

        @Test
        void forwards_a_validly_signed_body_byte_for_byte_and_answers_webhook_services_200() {
            signedWebhook(BODY, CURRENT_SECRET).exchange().expectStatus().isOk();

            UPSTREAM.verify(
                    exactly(1),
                    postRequestedFor(urlEqualTo(WEBHOOK_PATH))
                            .withRequestBody(binaryEqualTo(BODY))
                            .withHeader("Content-Type", equalTo("application/json"))
                            .withHeader(
                                    "X-Hub-Signature-256",
                                    equalTo(WebhookSignatureVerifier.sign(CURRENT_SECRET, BODY))));
        }

        @Test
        void accepts_a_body_signed_with_the_previous_secret_during_a_rotation() {
            signedWebhook(BODY, PREVIOUS_SECRET).exchange().expectStatus().isOk();

            UPSTREAM.verify(
                    exactly(1), postRequestedFor(urlEqualTo(WEBHOOK_PATH)).withRequestBody(binaryEqualTo(BODY)));
        }

        @Test
        void refuses_a_missing_signature_with_401_and_forwards_nothing() {
            gateway.post()
                    .uri(WEBHOOK_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(BODY)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .isEmpty();

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void refuses_a_malformed_signature_header_with_401() {
            String hex = WebhookSignatureVerifier.sign(CURRENT_SECRET, BODY).substring("sha256=".length());
            for (String malformed : new String[] {hex, "sha1=" + hex, "sha256=" + hex.substring(2), "sha256=zz"}) {
                gateway.post()
                        .uri(WEBHOOK_PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", malformed)
                        .bodyValue(BODY)
                        .exchange()
                        .expectStatus()
                        .isUnauthorized();
            }

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void refuses_a_body_signed_with_another_secret_with_401_and_no_detail() {
            signedWebhook(BODY, "not-our-app-secret")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .isEmpty();

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void refuses_a_body_with_one_byte_changed_after_signing() {
            byte[] tampered = Arrays.copyOf(BODY, BODY.length);
            tampered[200] ^= 0x01;

            gateway.post()
                    .uri(WEBHOOK_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature-256", WebhookSignatureVerifier.sign(CURRENT_SECRET, BODY))
                    .bodyValue(tampered)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }
    }

    @Nested
    class SizeAndType {

        private final int limit = 3 * 1024 * 1024;

        @Test
        void refuses_a_body_over_the_limit_announced_by_content_length_with_413() {
            byte[] oversized = new byte[limit + 1];
            Arrays.fill(oversized, (byte) ' ');

            signedWebhook(oversized, CURRENT_SECRET).exchange().expectStatus().isEqualTo(413);

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void refuses_a_chunked_body_that_grows_over_the_limit_with_413() {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            int chunks = limit / chunk.length + 2;
            Flux<DataBuffer> chunked =
                    Flux.range(0, chunks).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));

            gateway.post()
                    .uri(WEBHOOK_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature-256", WebhookSignatureVerifier.sign(CURRENT_SECRET, chunk))
                    .body(chunked, DataBuffer.class)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(413);

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void forwards_a_chunked_body_under_the_limit_byte_for_byte() {
            Flux<DataBuffer> chunked = Flux.range(0, 3)
                    .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                            Arrays.copyOfRange(BODY, i * BODY.length / 3, (i + 1) * BODY.length / 3)));

            gateway.post()
                    .uri(WEBHOOK_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature-256", WebhookSignatureVerifier.sign(CURRENT_SECRET, BODY))
                    .body(chunked, DataBuffer.class)
                    .exchange()
                    .expectStatus()
                    .isOk();

            UPSTREAM.verify(
                    exactly(1), postRequestedFor(urlEqualTo(WEBHOOK_PATH)).withRequestBody(binaryEqualTo(BODY)));
        }

        @Test
        void refuses_a_body_that_is_not_json_with_415() {
            gateway.post()
                    .uri(WEBHOOK_PATH)
                    .contentType(MediaType.TEXT_PLAIN)
                    .header("X-Hub-Signature-256", WebhookSignatureVerifier.sign(CURRENT_SECRET, BODY))
                    .bodyValue(BODY)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(415);

            UPSTREAM.verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void accepts_json_with_a_charset_parameter() {
            gateway.post()
                    .uri(WEBHOOK_PATH)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Hub-Signature-256", WebhookSignatureVerifier.sign(CURRENT_SECRET, BODY))
                    .bodyValue(BODY)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    class WebhookServiceAnswers {

        @Test
        void passes_webhook_services_503_back_to_meta() {
            UPSTREAM.stubFor(
                    post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(503)));

            signedWebhook(BODY, CURRENT_SECRET).exchange().expectStatus().isEqualTo(503);
        }

        @Test
        void answers_503_when_webhook_service_does_not_answer_in_time() {
            UPSTREAM.stubFor(post(urlEqualTo(WEBHOOK_PATH))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));

            long start = System.nanoTime();
            signedWebhook(BODY, CURRENT_SECRET).exchange().expectStatus().isEqualTo(503);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }

        @Test
        void answers_503_when_webhook_service_drops_the_connection() {
            UPSTREAM.stubFor(
                    post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            signedWebhook(BODY, CURRENT_SECRET).exchange().expectStatus().isEqualTo(503);
        }
    }

    @Test
    void counts_webhooks_and_rejections_by_reason_on_the_prometheus_endpoint() {
        signedWebhook(BODY, CURRENT_SECRET).exchange().expectStatus().isOk();
        signedWebhook(BODY, "not-our-app-secret").exchange().expectStatus().isUnauthorized();

        // Counters move when the exchange completes, which may be just after the client has its answer.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String scrape = scrapePrometheus();
            assertThat(scrape)
                    .contains("wpfoods_gateway_webhooks_received_total")
                    .contains("wpfoods_gateway_rejections_total{reason=\"size\"}")
                    .contains("wpfoods_gateway_rejections_total{reason=\"content_type\"}")
                    .contains("wpfoods_gateway_rejections_total{reason=\"rate_limit\"}")
                    .contains("wpfoods_gateway_webhooks_forwarded_total{status=\"200\"}");
            assertThat(counter(scrape, "wpfoods_gateway_rejections_total{reason=\"signature\"}"))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    private String scrapePrometheus() {
        return gateway.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static double counter(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(-1);
    }
}
