package co.wpfoods.order;

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
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * jqwik fuzzing of order-service's public JSON endpoints besides the catalog ({@code CatalogAccessIT}): the orders of
 * a restaurant, the support queue and the erasure API. Malformed bodies and query values get a 4xx,
 * never a 5xx, and nothing is stored. Tens of samples each, in the module's shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class PublicApiFuzzIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SAMPLES = 40;

    @LocalServerPort
    int port;

    String restaurant;

    @BeforeEach
    void aRestaurant() {
        restaurant = call(
                        HttpMethod.POST,
                        "/api/orders/restaurants",
                        """
                        {"name": "La Fonda Fuzz", "staffWaIds": ["5731066%05d"],
                         "address": "Calle 60 # 9-32, Bogotá",
                         "location": {"latitude": 4.6486, "longitude": -74.0636}, "zone": "Chapinero"}
                        """.formatted(System.nanoTime() % 100000),
                        TestTokens.ops())
                .json()
                .get("id")
                .asString();
    }

    @Test
    void malformed_erasure_requests_get_a_4xx_and_start_no_erasure() {
        int before = erasures();
        Arbitrary<String> bodies = MalformedJson.bodies(
                Map.of("waId", "\"573105550177\"", "language", "\"es\""),
                Map.of(
                        "waId",
                        Arrays.asList(
                                null,
                                "null",
                                "\"\"",
                                "\"abc\"",
                                "\"123\"",
                                "\"+57 310\"",
                                "\"5731055501779999\"",
                                "\"57310555O177\"",
                                "[]",
                                "{}",
                                "true",
                                "[\"573105550177\"]"),
                        "language",
                        List.of("\"fr\"", "\"\"", "\"ES\"", "[]", "{}", "42")));

        bodies.sampleStream().limit(SAMPLES).forEach(body -> {
            Response response = call(HttpMethod.POST, "/api/orders/privacy/erasures", body, TestTokens.ops());
            assertThat(response.status()).as(body).isBetween(400, 499);
        });

        assertThat(erasures()).isEqualTo(before);
    }

    @Test
    void malformed_paging_of_the_erasure_list_and_the_support_queue_gets_a_4xx_never_a_5xx() {
        Arbitrary<String[]> query = Arbitraries.oneOf(
                MalformedJson.badPageValues().map(page -> new String[] {"page", page}),
                MalformedJson.badSizeValues().map(size -> new String[] {"size", size}));

        query.sampleStream().limit(SAMPLES).forEach(parameter -> {
            for (String path : List.of("/api/orders/privacy/erasures", "/api/orders/support")) {
                Response response = call(HttpMethod.GET, uri(path, parameter[0], parameter[1]), null, TestTokens.ops());
                assertThat(response.status())
                        .as("%s?%s=%s", path, parameter[0], parameter[1])
                        .isBetween(400, 499);
            }
        });
    }

    @Test
    void malformed_filters_of_a_restaurants_orders_get_a_4xx_never_a_5xx() {
        Arbitrary<String[]> query = Arbitraries.oneOf(
                Arbitraries.of("ENTREGADISIMO", "", " ", "placed;drop", "%00", "DELIVERED,CANCELLED")
                        .map(status -> new String[] {"status", status}),
                Arbitraries.of("2026-13-01", "2026-02-30", "ayer", "2026-12-07T10:00", "1e3", "-2026-00-00")
                        .flatMap(date -> Arbitraries.of("from", "to").map(name -> new String[] {name, date})),
                MalformedJson.badPageValues().map(page -> new String[] {"page", page}),
                MalformedJson.badSizeValues().map(size -> new String[] {"size", size}));

        query.sampleStream().limit(SAMPLES).forEach(parameter -> {
            String path = "/api/orders/restaurants/" + restaurant + "/orders";
            Response response = call(HttpMethod.GET, uri(path, parameter[0], parameter[1]), null, TestTokens.ops());
            assertThat(response.status())
                    .as("%s=%s", parameter[0], parameter[1])
                    .isBetween(400, 499);
        });
        // a period the wrong way round, or longer than allowed
        for (String period : List.of("from=2026-12-07&to=2026-12-01", "from=2020-01-01&to=2026-12-01")) {
            assertThat(call(
                                    HttpMethod.GET,
                                    "/api/orders/restaurants/" + restaurant + "/orders?" + period,
                                    null,
                                    TestTokens.ops())
                            .status())
                    .as(period)
                    .isEqualTo(400);
        }
    }

    @Test
    void malformed_order_references_get_a_4xx_never_a_5xx() {
        Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(30)
                // not a slash or only dots: those name another resource (the list, the restaurant) rather than a bad id
                .filter(reference ->
                        !reference.matches("\\d{4,12}") && !reference.contains("/") && !reference.matches("\\.+"))
                .sampleStream()
                .limit(SAMPLES)
                .forEach(reference -> {
                    String path = UriComponentsBuilder.fromPath("/api/orders/restaurants/{r}/orders/{ref}")
                            .buildAndExpand(restaurant, reference)
                            .encode()
                            .toUriString();
                    assertThat(call(HttpMethod.GET, path, null, TestTokens.ops())
                                    .status())
                            .as(reference)
                            .isBetween(400, 499);
                });
    }

    /**
     * Erasures started through this API (not by chat): other classes sharing the context finish chat erasures
     * asynchronously, so counting every erasure would race with them.
     */
    int erasures() {
        int started = 0;
        for (var erasure : call(HttpMethod.GET, "/api/orders/privacy/erasures?size=100", null, TestTokens.ops())
                .json()) {
            if (!"CHAT".equals(erasure.path("requestedBy").asString())) {
                started++;
            }
        }
        return started;
    }

    static String uri(String path, String name, String value) {
        return UriComponentsBuilder.fromPath(path)
                .queryParam(name, value)
                .encode()
                .build()
                .toUriString();
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response call(HttpMethod method, String path, String body, String authorization) {
        var request = RestClient.create("http://localhost:" + port)
                .method(method)
                .uri(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Response(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
