package co.wpfoods.dispatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.fuzz.MalformedJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * jqwik fuzzing of dispatch-service's ops endpoints through HTTP only (weather, suspensions, payouts, the bounded
 * lists): malformed bodies and query values get a 4xx, never a 5xx, and nothing is stored. Tens of samples each, in
 * the module's shared context ({@code WorkerAccessIT}'s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class OpsApiFuzzIT {

    static final int SAMPLES = 40;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformed_weather_reports_get_a_4xx_and_store_nothing() {
        String zone = "fuzz-" + UUID.randomUUID();
        var bodies = MalformedJson.bodies(
                Map.of("raining", "true"),
                Map.of("raining", Arrays.asList(null, "null", "\"llueve\"", "[]", "{}", "\"\"")));

        bodies.sampleStream()
                .limit(SAMPLES)
                .forEach(body -> assertThat(call(HttpMethod.PUT, "/api/dispatch/zones/" + zone + "/weather", body))
                        .as(body)
                        .isBetween(400, 499));

        assertThat(jdbc.sql("SELECT count(*) FROM zone_condition WHERE zone = ?")
                        .param(zone)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void malformed_suspensions_and_payouts_get_a_4xx_never_a_5xx() {
        var suspensions = Arbitraries.oneOf(
                MalformedJson.neitherJsonNorAnObject(),
                MalformedJson.withOneBadField(
                        Map.of("reason", "\"no llegó\""),
                        Map.of("reason", List.of("\"" + "x".repeat(501) + "\"", "[]", "{}"))));
        var payouts = Arbitraries.oneOf(
                MalformedJson.neitherJsonNorAnObject(),
                MalformedJson.withOneBadField(
                        Map.of("upTo", "\"2026-12-07T05:00:00Z\"", "reference", "\"tx-1\""),
                        Map.of("upTo", List.of("\"ayer\"", "\"2026-13-01T00:00:00Z\"", "[]", "{}"))));

        suspensions
                .sampleStream()
                .limit(SAMPLES / 2)
                .forEach(body -> assertThat(call(HttpMethod.PUT, "/api/dispatch/workers/w-fuzz/suspension", body))
                        .as(body)
                        .isBetween(400, 499));
        payouts.sampleStream()
                .limit(SAMPLES / 2)
                .forEach(body -> assertThat(call(HttpMethod.POST, "/api/dispatch/workers/w-fuzz/payouts", body))
                        .as(body)
                        .isBetween(400, 499));
    }

    @Test
    void malformed_paging_and_ids_of_the_ops_lists_get_a_4xx_never_a_5xx() {
        var query = Arbitraries.oneOf(
                MalformedJson.badPageValues().map(page -> new String[] {"page", page}),
                MalformedJson.badSizeValues().map(size -> new String[] {"size", size}));

        query.sampleStream().limit(SAMPLES).forEach(parameter -> {
            for (String path :
                    List.of("/api/dispatch/problems", "/api/dispatch/alerts", "/api/dispatch/workers/w-1/payouts")) {
                String uri = UriComponentsBuilder.fromPath(path)
                        .queryParam(parameter[0], parameter[1])
                        .encode()
                        .build()
                        .toUriString();
                assertThat(call(HttpMethod.GET, uri, null)).as(uri).isBetween(400, 499);
            }
        });
        Arbitraries.of("abc", "-", "1.5", "99999999999999999999", "uno")
                .sampleStream()
                .limit(10)
                .forEach(id -> {
                    assertThat(call(HttpMethod.POST, "/api/dispatch/problems/" + id + "/resolve", null))
                            .as(id)
                            .isBetween(400, 499);
                    assertThat(call(HttpMethod.POST, "/api/dispatch/alerts/" + id + "/acknowledge", null))
                            .as(id)
                            .isBetween(400, 499);
                });
    }

    int call(HttpMethod method, String path, String body) {
        var request = RestClient.create()
                .method(method)
                .uri(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.ops());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> res.getStatusCode().value());
    }
}
