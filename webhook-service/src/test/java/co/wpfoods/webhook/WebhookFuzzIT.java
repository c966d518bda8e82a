package co.wpfoods.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.testing.fuzz.MalformedJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * jqwik fuzzing of {@code POST /webhooks/whatsapp} as the gateway forwards it (signed, JSON): a body that is not a
 * WhatsApp envelope gets a 400 whose body names the reason, never a 5xx, and nothing is archived or published.
 */
class WebhookFuzzIT extends WebhookServiceSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String APP_SECRET = "fuzz-app-secret";

    @Autowired
    JdbcClient jdbc;

    @Test
    void signed_bodies_that_are_not_a_whatsapp_envelope_get_a_400_with_the_reason_and_nothing_is_archived() {
        long archived =
                jdbc.sql("SELECT count(*) FROM raw_webhook").query(Long.class).single();
        var bodies = MalformedJson.bodies(
                Map.of(
                        "object",
                        "\"whatsapp_business_account\"",
                        "entry",
                        "[{\"id\":\"" + WebhookFixtures.WABA_ID
                                + "\",\"changes\":[{\"field\":\"messages\",\"value\":{}}]}]"),
                Map.of(
                        "object",
                        Arrays.asList(null, "null", "\"page\"", "\"\"", "[]", "{}", "42"),
                        "entry",
                        Arrays.asList(
                                null,
                                "null",
                                "[]",
                                "{}",
                                "\"entry\"",
                                "[42]",
                                "[{}]",
                                "[{\"changes\":[]}]",
                                "[{\"changes\":{}}]",
                                "[{\"changes\":[42]}]",
                                "[{\"changes\":[{\"field\":\"messages\"}]}]",
                                "[{\"changes\":[{\"value\":{}}]}]",
                                "[{\"changes\":[{\"field\":\"messages\",\"value\":[]}]}]")));

        bodies.sampleStream().limit(40).forEach(body -> {
            HttpResponse<String> answer = signedPost(body.getBytes(StandardCharsets.UTF_8));

            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            JsonNode refusal = JSON.readTree(answer.body());
            assertThat(refusal.path("reason").asString(""))
                    .as(body)
                    .isIn(
                            "malformed_json",
                            "not_an_object",
                            "not_a_whatsapp_envelope",
                            "no_entry",
                            "no_changes",
                            "malformed_change");
        });

        assertThat(jdbc.sql("SELECT count(*) FROM raw_webhook")
                        .query(Long.class)
                        .single())
                .isEqualTo(archived);
    }

    HttpResponse<String> signedPost(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(body))
                .header("X-Request-Id", "fuzz-" + System.nanoTime())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Meta's signature over the exact bytes, as the gateway checked it before forwarding. */
    static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
