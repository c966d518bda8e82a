package co.wpfoods.dispatch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Worker registration against the OWASP API Security Top 10 (2023): registering a number re-routes
 * that person's WhatsApp messages, so only worker-admin and ops may do it or see the numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class WorkerAccessIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void an_unauthenticated_registration_gets_401_and_stores_nothing() {
        var response = call(HttpMethod.POST, "{\"name\":\"Intruso\",\"waId\":\"573009990001\"}", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(workers().toString()).doesNotContain("573009990001");
    }

    @Test
    void a_restaurant_or_service_token_can_neither_register_nor_list_workers() {
        for (String token : new String[] {TestTokens.restaurant("r-1"), TestTokens.service()}) {
            assertThat(call(HttpMethod.POST, "{\"name\":\"Intruso\",\"waId\":\"573009990002\"}", token)
                            .status())
                    .isEqualTo(403);
            assertThat(call(HttpMethod.GET, null, token).status()).isEqualTo(403);
        }
        assertThat(workers().toString()).doesNotContain("573009990002");
    }

    @Test
    void worker_admin_and_ops_register_and_read_worker_numbers() {
        assertThat(call(HttpMethod.POST, "{\"name\":\"Camilo\",\"waId\":\"573009990003\"}", TestTokens.workerAdmin())
                        .status())
                .isEqualTo(201);
        assertThat(call(HttpMethod.POST, "{\"name\":\"Daniela\",\"waId\":\"573009990004\"}", TestTokens.ops())
                        .status())
                .isEqualTo(201);

        assertThat(call(HttpMethod.GET, null, TestTokens.workerAdmin()).body().toString())
                .contains("573009990003", "573009990004");
    }

    // jqwik fuzzing of the registration endpoint: malformed input gets a 4xx, never a 5xx, and nothing is stored

    @Test
    void malformed_registrations_get_a_4xx_and_store_nothing() {
        int before = workers().size();

        malformedRegistrations()
                .sampleStream()
                .limit(150)
                .forEach(body -> assertThat(call(HttpMethod.POST, body, TestTokens.workerAdmin())
                                .status())
                        .as(body)
                        .isBetween(400, 499));

        assertThat(workers().size()).isEqualTo(before);
    }

    static Arbitrary<String> malformedRegistrations() {
        Arbitrary<String> notJson = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).filter(s -> !s.isBlank()),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMinLength(1)
                        .ofMaxLength(80)
                        .map(s -> "{" + s),
                Arbitraries.of("{\"name\":", "{'name':'x'}", "{\"name\":\"x\",}"));
        Arbitrary<String> wrongShape = Arbitraries.of("null", "[]", "[{}]", "42", "\"texto\"", "true", "{}");
        Arbitrary<String> badName = Arbitraries.of("\"\"", "\"   \"", "null", "[]", "{}");
        Arbitrary<String> badNumber = Arbitraries.oneOf(
                Arbitraries.of("\"\"", "null", "[]", "{}", "\"57300abc\"", "\"+\"", "\"5730055503019999999999\""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "\"" + s + "\""));
        Arbitrary<String> wrongField = Arbitraries.oneOf(
                badName.map(name -> "{\"name\":" + name + ",\"waId\":\"573009998888\"}"),
                badNumber.map(number -> "{\"name\":\"Fuzz\",\"waId\":" + number + "}"));
        return Arbitraries.oneOf(notJson, wrongShape, wrongField);
    }

    JsonNode workers() {
        return call(HttpMethod.GET, null, TestTokens.ops()).body();
    }

    record Response(int status, JsonNode body) {}

    Response call(HttpMethod method, String body, String authorization) {
        var request =
                RestClient.create("http://localhost:" + port).method(method).uri("/api/dispatch/workers");
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Response(
                    res.getStatusCode().value(), bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes));
        });
    }
}
