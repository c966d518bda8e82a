package co.wpfoods.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.fuzz.MalformedJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * jqwik fuzzing of payment-service's REST API (refunds, reconciliation runs, the lists' filters): malformed bodies and
 * query values get a 4xx, never a 5xx, and nothing is stored. The Stripe webhook's signed malformed
 * bodies are fuzzed in {@code PaymentsIT}, whose context has the webhook secrets. Tens of samples each, in the
 * module's shared context.
 */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentApiFuzzIT {

    static final int SAMPLES = 40;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformed_refund_requests_get_a_4xx_and_store_no_refund() {
        long before = count("refund");
        var bodies = MalformedJson.bodies(
                Map.of("amountCop", "5000", "reason", "\"falto la gaseosa\"", "requestedBy", "\"ops-ana\""),
                Map.of(
                        "amountCop",
                        Arrays.asList(null, "null", "-1", "\"mil\"", "5000.5", "1e30", "[]", "{}", "true"),
                        "reason",
                        Arrays.asList(null, "null", "\"\"", "\"   \"", "[]", "{}")));

        bodies.sampleStream().limit(SAMPLES).forEach(body -> {
            Response response = call(HttpMethod.POST, "/api/payments/pay-fuzz-1/refunds", body);
            assertThat(response.status()).as(body).isBetween(400, 499);
        });

        assertThat(count("refund")).isEqualTo(before);
    }

    @Test
    void malformed_reconciliation_runs_get_a_4xx_and_store_no_report() {
        long before = count("reconciliation_report");
        var bodies = MalformedJson.bodies(
                Map.of("from", "\"2026-12-01T05:00:00Z\"", "to", "\"2026-12-02T05:00:00Z\""),
                Map.of(
                        "from",
                        Arrays.asList(
                                null,
                                "null",
                                "\"ayer\"",
                                "\"2026-13-01T05:00:00Z\"",
                                "\"2026-12-01\"",
                                "[]",
                                "{}",
                                // the period the wrong way round, or longer than 31 days
                                "\"2026-12-03T05:00:00Z\"",
                                "\"2026-10-01T05:00:00Z\""),
                        "to",
                        Arrays.asList(null, "null", "\"mañana\"", "\"2026-12-02T25:00:00Z\"", "[]", "{}")));

        bodies.sampleStream().limit(SAMPLES).forEach(body -> {
            Response response = call(HttpMethod.POST, "/api/payments/reconciliation", body);
            assertThat(response.status()).as(body).isBetween(400, 499);
        });

        assertThat(count("reconciliation_report")).isEqualTo(before);
    }

    @Test
    void malformed_filters_and_paging_of_the_lists_get_a_4xx_never_a_5xx() {
        var query = Arbitraries.oneOf(
                MalformedJson.badPageValues().map(page -> new String[] {"page", page}),
                MalformedJson.badSizeValues().map(size -> new String[] {"size", size}),
                Arbitraries.of("ayer", "2026-12-01", "2026-13-01T00:00:00Z", "1e3")
                        .flatMap(time -> Arbitraries.of("from", "to").map(name -> new String[] {name, time})));

        query.sampleStream().limit(SAMPLES).forEach(parameter -> {
            for (String path : List.of("/api/payments", "/api/payments/refunds", "/api/payments/reconciliation")) {
                String uri = UriComponentsBuilder.fromPath(path)
                        .queryParam(parameter[0], parameter[1])
                        .encode()
                        .build()
                        .toUriString();
                int status = call(HttpMethod.GET, uri, null).status();
                assertThat(status).as(uri).isLessThan(500);
                if (path.equals("/api/payments") || !List.of("from", "to").contains(parameter[0])) {
                    // (only the payments list filters by time: elsewhere an unknown parameter is ignored)
                    assertThat(status).as(uri).isBetween(400, 499);
                }
            }
        });
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    record Response(int status, String body) {}

    Response call(HttpMethod method, String path, String body) {
        var request = RestClient.create()
                .method(method)
                .uri(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.ops());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Response(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
