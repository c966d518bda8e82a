package co.wpfoods.messaging.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.fuzz.MalformedJson;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The internal media upload through the real web stack and security: a {@code service} token's image goes to the Graph
 * API's {@code /{phone-number-id}/media} as Meta documents it (WireMock plays Meta) and its media id comes back.
 */
@EmbeddedInfra
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpfoods.outbox.enabled=false", "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MediaUploadIT {

    static final String MEDIA = "/v23.0/" + Fixtures.PHONE_NUMBER_ID + "/media";
    static final WireMockServer graph = new WireMockServer(options().dynamicPort());
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        graph.start();
        registry.add("wpfoods.messaging.graph.base-url", graph::baseUrl);
        registry.add("wpfoods.messaging.graph.access-token", () -> "media-test-token");
        registry.add("wpfoods.messaging.graph.request-timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @BeforeEach
    void reset() {
        graph.resetAll();
    }

    @Test
    void a_service_uploads_a_png_and_gets_the_media_id_meta_gave() throws Exception {
        // given Meta accepts uploads
        graph.stubFor(post(urlEqualTo(MEDIA))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1037543291543636\"}")));

        // when a service uploads a chart
        var answer = upload(TestTokens.service(), "image/png", PNG);

        // then it gets Meta's id, and Meta got the multipart form it documents, with our access token
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("\"id\":\"1037543291543636\"");
        graph.verify(postRequestedFor(urlEqualTo(MEDIA))
                .withHeader("Authorization", equalTo("Bearer media-test-token"))
                .withRequestBodyPart(aMultipart("messaging_product")
                        .withBody(equalTo("whatsapp"))
                        .build())
                .withRequestBodyPart(
                        aMultipart("type").withBody(equalTo("image/png")).build())
                .withRequestBodyPart(aMultipart("file")
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(PNG))
                        .build()));
    }

    @Test
    void only_a_service_token_may_upload() throws Exception {
        assertThat(upload(null, "image/png", PNG).statusCode()).isEqualTo(401);
        assertThat(upload(TestTokens.ops(), "image/png", PNG).statusCode()).isEqualTo(403);
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    @Test
    void what_meta_would_not_send_as_an_image_is_refused_with_a_reason_before_meta_is_asked() throws Exception {
        var pdf = upload(TestTokens.service(), "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        var notPng = upload(TestTokens.service(), "image/png", "hello".getBytes(StandardCharsets.US_ASCII));
        var empty = upload(TestTokens.service(), "image/png", new byte[0]);

        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(pdf.body()).contains("only image/jpeg and image/png");
        assertThat(notPng.statusCode()).isEqualTo(400);
        assertThat(notPng.body()).contains("not a image/png image");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    @Test
    void when_meta_refuses_the_upload_the_caller_gets_502_with_metas_reason() throws Exception {
        graph.stubFor(post(urlEqualTo(MEDIA))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#131053) Media upload error\",\"code\":131053}}")));

        var answer = upload(TestTokens.service(), "image/png", PNG);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("Media upload error");
    }

    // jqwik fuzzing: what is not a PNG or JPEG in a well-formed multipart form, a form that is not well formed, or no
    // form at all gets a 4xx with a reason, never a 5xx, and Meta is never asked
    @Test
    void malformed_uploads_get_a_4xx_never_a_5xx_and_meta_is_never_asked() throws Exception {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
        Arbitrary<String> types =
                Arbitraries.of("image/png", "image/jpeg", "application/pdf", "text/plain", "image/gif", "image/webp");
        Arbitrary<Fuzzed> notAnImage = Combinators.combine(types, bytes)
                .as((type, content) -> (Fuzzed) () -> upload(TestTokens.service(), type, content));
        Arbitrary<Fuzzed> wrongPart = Combinators.combine(
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(10)
                                .filter(n -> !n.equals("file")),
                        bytes)
                .as((name, content) -> (Fuzzed) () -> raw(
                        "multipart/form-data; boundary=xyz",
                        concat(
                                ("--xyz\r\nContent-Disposition: form-data; name=\"" + name
                                                + "\"; filename=\"c.png\"\r\nContent-Type: image/png\r\n\r\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                PNG,
                                "\r\n--xyz--\r\n".getBytes(StandardCharsets.UTF_8))));
        Arbitrary<Fuzzed> brokenForm = Combinators.combine(
                        Arbitraries.of(
                                "multipart/form-data; boundary=xyz",
                                "multipart/form-data",
                                "multipart/form-data; boundary="),
                        bytes)
                .as((type, content) -> (Fuzzed) () -> raw(type, content));
        Arbitrary<Fuzzed> notAForm = MalformedJson.neitherJsonNorAnObject().map(json ->
                (Fuzzed) () -> raw("application/json", json.getBytes(StandardCharsets.UTF_8)));

        for (Fuzzed upload : Arbitraries.oneOf(notAnImage, wrongPart, brokenForm, notAForm)
                .sampleStream()
                .limit(40)
                .toList()) {
            HttpResponse<String> answer = upload.send();
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        }
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    interface Fuzzed {
        HttpResponse<String> send() throws Exception;
    }

    private HttpResponse<String> raw(String contentType, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messaging/media"))
                .header("Content-Type", contentType)
                .header("Authorization", TestTokens.service())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> upload(String authorization, String type, byte[] bytes) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chart.png\"\r\n"
                        + "Content-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messaging/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
