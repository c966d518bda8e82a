package co.wpfoods.gateway.metawebhook.adapter.in.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.gateway.GatewayApplication;
import co.wpfoods.gateway.WebhookPayloads;
import co.wpfoods.gateway.metawebhook.domain.WebhookSignatureVerifier;
import co.wpfoods.security.test.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Random and mutated bodies, signatures and content types sent to the running gateway (webhook-service
 * stubbed to always answer 200): the gateway itself never answers 5xx, and it forwards exactly the
 * requests that carry a valid signature over JSON.
 */
class WebhookEndpointProperties {

    private static final String CURRENT_SECRET = "prop-current-secret";
    private static final String PREVIOUS_SECRET = "prop-previous-secret";

    private static WireMockServer upstream;
    private static ConfigurableApplicationContext gatewayContext;
    private static URI webhook;

    @BeforeContainer
    static void startGateway() {
        upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        upstream.start();
        upstream.stubFor(
                post(urlEqualTo("/webhooks/whatsapp")).willReturn(aResponse().withStatus(200)));
        // Command-line arguments, not builder defaults: those rank below application.yml.
        gatewayContext = new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--wpfoods.gateway.meta.app-secret=" + CURRENT_SECRET,
                        "--wpfoods.gateway.meta.app-secret-previous=" + PREVIOUS_SECRET,
                        "--wpfoods.gateway.meta.verify-token=prop-verify-token",
                        "--wpfoods.gateway.meta.max-body-size=64KB",
                        "--wpfoods.gateway.services.webhook-service=" + upstream.baseUrl(),
                        // the stand-in always answers 200: what is tried here is the input, not a slow upstream, so
                        // a busy machine's stall must not turn into the 503 that a timed-out forward rightly gives
                        "--wpfoods.gateway.meta.forward-timeout=60s",
                        "--wpfoods.gateway.meta.connect-timeout=30s",
                        "--wpfoods.gateway.access-log.enabled=false",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                + TestTokens.publicKey());
        String port = gatewayContext.getEnvironment().getProperty("local.server.port");
        webhook = URI.create("http://localhost:" + port + "/webhooks/whatsapp");
    }

    @AfterContainer
    static void stopGateway() {
        if (gatewayContext != null) {
            gatewayContext.close();
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    @Property(tries = 300)
    void the_gateway_never_answers_5xx_and_forwards_only_valid_json_deliveries(@ForAll("deliveries") Delivery delivery)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.contentType().ifPresent(type -> request.header("Content-Type", type));
        delivery.signature().ifPresent(signature -> request.header("X-Hub-Signature-256", signature));

        int status;
        // Each try has a client, and so a connection, of its own. With one shared client a try could go out on a
        // pooled keep-alive connection that an earlier try's exchange had left closing, and fail with "header parser
        // received no bytes" (end of stream before any answer) for reasons that have nothing to do with the
        // delivery being tried. On a fresh connection, an answer-less close is a gateway fault and fails the try.
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }

        assertThat(status).isLessThan(500);
        if (delivery.shouldBeForwarded()) {
            assertThat(status).isEqualTo(200);
        } else {
            assertThat(status).isIn(401, 413, 415);
        }
    }

    @Provide
    Arbitrary<Delivery> deliveries() {
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2_048),
                mutatedPayloads(),
                Arbitraries.just(WebhookPayloads.textMessage()));
        // Mostly JSON, so that most deliveries reach the signature check.
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON")),
                Tuple.of(
                        1,
                        Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "application/jsonx", "json")),
                Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40)));
        Arbitrary<Optional<String>> optionalTypes =
                contentTypes.optional(0.9).map(type -> type.filter(t -> !t.isEmpty()));
        Arbitrary<SignatureKind> kinds = Arbitraries.of(SignatureKind.class);
        Arbitrary<String> junk = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(80),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(hex -> "sha256=" + hex));
        return Combinators.combine(bodies, optionalTypes, kinds, junk)
                .as((body, type, kind, noise) -> new Delivery(body, type, kind.header(body, noise), kind.isValid()));
    }

    private static Arbitrary<byte[]> mutatedPayloads() {
        byte[] payload = WebhookPayloads.textMessage();
        return Combinators.combine(Arbitraries.integers().between(0, payload.length - 1), Arbitraries.bytes())
                .as((index, value) -> {
                    byte[] copy = payload.clone();
                    copy[index] = value;
                    return copy;
                });
    }

    enum SignatureKind {
        CURRENT,
        PREVIOUS,
        OTHER_SECRET,
        JUNK,
        ABSENT;

        Optional<String> header(byte[] body, String junk) {
            return switch (this) {
                case CURRENT -> Optional.of(WebhookSignatureVerifier.sign(CURRENT_SECRET, body));
                case PREVIOUS -> Optional.of(WebhookSignatureVerifier.sign(PREVIOUS_SECRET, body));
                case OTHER_SECRET -> Optional.of(WebhookSignatureVerifier.sign("an-attackers-guess", body));
                case JUNK -> Optional.of(junk);
                case ABSENT -> Optional.empty();
            };
        }

        boolean isValid() {
            return this == CURRENT || this == PREVIOUS;
        }
    }

    record Delivery(byte[] body, Optional<String> contentType, Optional<String> signature, boolean validSignature) {

        boolean shouldBeForwarded() {
            return validSignature && contentType.map(Delivery::isJson).orElse(false);
        }

        private static boolean isJson(String type) {
            String essence = type.split(";", 2)[0].strip();
            return essence.equalsIgnoreCase("application/json");
        }

        @Override
        public String toString() {
            return "Delivery[" + body.length + " bytes, type=" + contentType + ", signature=" + signature + "]";
        }
    }
}
