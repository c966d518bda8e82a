package co.wpfoods.ai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.fuzz.MalformedJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * jqwik fuzzing of ai-service's JSON endpoints ({@code /api/ai/intent}, {@code /generate}, {@code /recommend}):
 * malformed bodies get a 400 with a reason, never a 5xx, and nothing is recorded (no answered message, no provider
 * call). Each valid template carries a correlation id of its own, so what a malformed request would have recorded can
 * be told from everything else; a control request shows the check would see it. Tens of samples each, in the
 * module's shared context ({@link AiApiAccessIT}'s).
 */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiApiFuzzIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int SAMPLES = 40;
    static final String TOO_LONG_4001 = "\"" + "a".repeat(4001) + "\"";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformed_intent_requests_get_a_400_with_a_reason_and_record_nothing() throws Exception {
        String tag = "fuzz-" + UUID.randomUUID();
        long before = recorded();
        Arbitrary<String> bodies = MalformedJson.bodies(
                Map.of(
                        "role", "\"CUSTOMER\"",
                        "language", "\"es\"",
                        "text", "\"quiero una bandeja paisa\"",
                        "correlationId", "\"" + tag + "\""),
                Map.of(
                        "role", Arrays.asList(null, "null", "\"KING\"", "[]", "{}"),
                        "language", Arrays.asList("\"fr\"", "\"español\"", "\"es-COL\"", "[]", "{}", "42"),
                        "text", Arrays.asList(null, "null", "\"\"", "\"   \"", TOO_LONG_4001, "[]", "{}"),
                        "correlationId", Arrays.asList("\"" + tag + "x".repeat(128) + "\"", "[]", "{}")));
        Arbitrary<String> badContexts = MalformedJson.withOneBadField(
                Map.of(
                        "role", "\"CUSTOMER\"",
                        "text", "\"quiero una bandeja paisa\"",
                        "correlationId", "\"" + tag + "\"",
                        "context", "{}"),
                Map.of(
                        "context",
                        Arrays.asList(
                                "[]",
                                "\"contexto\"",
                                "{\"cart\":[{\"itemId\":\"\",\"quantity\":1}]}",
                                "{\"cart\":[{\"itemId\":\"i1\",\"quantity\":0}]}",
                                "{\"cart\":[{\"itemId\":\"i1\",\"quantity\":100}]}",
                                "{\"cart\":{}}",
                                "{\"localTime\":\"25:00\"}",
                                "{\"localTime\":\"tarde\"}",
                                "{\"lastMessages\":[" + "\"hola\",".repeat(20) + "\"hola\"]}",
                                "{\"restaurantId\":\"" + "r".repeat(65) + "\"}")));

        for (String body : concat(bodies, badContexts)) {
            Answer answer = post("/api/ai/intent", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).isNotBlank();
        }

        assertThat(recorded()).isEqualTo(before);
        // control: the same template, valid, is recorded
        assertThat(post(
                                "/api/ai/intent",
                                MalformedJson.object(Map.of(
                                        "role", "\"CUSTOMER\"",
                                        "text", "\"quiero una bandeja paisa\"",
                                        "correlationId", "\"" + tag + "\"")))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> recorded() > before);
    }

    @Test
    void malformed_reply_requests_get_a_400_with_a_reason_and_record_nothing() throws Exception {
        String tag = "fuzz-" + UUID.randomUUID();
        long before = recorded();
        Arbitrary<String> bodies = MalformedJson.bodies(
                Map.of(
                        "question", "\"¿ya viene mi pedido?\"",
                        "language", "\"es\"",
                        "facts", "{\"status\":\"en camino\"}",
                        "correlationId", "\"" + tag + "\""),
                Map.of(
                        "question",
                        Arrays.asList(null, "null", "\"\"", "\"  \"", "\"" + "a".repeat(2001) + "\"", "[]"),
                        "language",
                        Arrays.asList("\"fr\"", "[]", "{}"),
                        "facts",
                        Arrays.asList(
                                "[]",
                                "\"en camino\"",
                                "{\"status\":\"" + "a".repeat(501) + "\"}",
                                "{\"" + "k".repeat(65) + "\":\"x\"}")));

        for (String body : bodies.sampleStream().limit(SAMPLES).toList()) {
            Answer answer = post("/api/ai/generate", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).isNotBlank();
        }

        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void malformed_recommendation_requests_get_a_400_with_a_reason() throws Exception {
        Arbitrary<String> bodies = MalformedJson.bodies(
                Map.of("customerId", "\"c-1\"", "zone", "\"d2g6d\"", "history", "{\"i1\":2}", "limit", "5"),
                Map.of(
                        "zone", Arrays.asList("\"" + "d".repeat(65) + "\"", "[]", "{}"),
                        "history", Arrays.asList("[]", "\"i1\"", "{\"i1\":0}", "{\"i1\":\"dos\"}"),
                        "limit", Arrays.asList("0", "21", "-3", "\"cinco\"", "[]"),
                        "customerId", Arrays.asList("\"" + "c".repeat(65) + "\"", "[]", "{}")));
        Arbitrary<String> badPlaces = MalformedJson.withOneBadField(
                Map.of("latitude", "4.6", "longitude", "-74.06", "localTime", "\"19:30\""),
                Map.of(
                        "latitude", Arrays.asList("91", "-90.5", "\"norte\"", "[]"),
                        "longitude", Arrays.asList("181", "-180.1", "\"oeste\""),
                        "localTime", Arrays.asList("\"25:61\"", "\"noche\"", "\"19h30\"")));

        for (String body : concat(bodies, badPlaces)) {
            Answer answer = post("/api/ai/recommend", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).isNotBlank();
        }
    }

    java.util.List<String> concat(Arbitrary<String> first, Arbitrary<String> second) {
        var all = new java.util.ArrayList<>(first.sampleStream().limit(SAMPLES).toList());
        all.addAll(second.sampleStream().limit(SAMPLES / 2).toList());
        return all;
    }

    /**
     * Answered messages and provider calls recorded so far. Correlation ids are kept only as keyed hashes (personal
     * data at rest), so the rows of one request cannot be told apart by a prefix: the classes sharing this context run
     * one at a time, so a count that does not move means this test's requests recorded nothing.
     */
    long recorded() {
        return jdbc.sql("SELECT (SELECT count(*) FROM ai_message) + (SELECT count(*) FROM ai_usage)")
                .query(Long.class)
                .single();
    }

    record Answer(int status, String body) {}

    Answer post(String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.service())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
