package co.wpfoods.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.Role;
import co.wpfoods.security.client.ServiceCallAuthentication;
import co.wpfoods.security.jwt.LocalTokens;
import co.wpfoods.security.test.TestTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * The OWASP API Security Top 10 (2023) items this module covers, each against a real server:
 * remove the protection and its test fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerIT {

    @LocalServerPort
    int port;

    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    Response call(HttpMethod method, String path, String authorization) {
        var request =
                RestClient.create("http://localhost:" + port).method(method).uri(path);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.exchange((req, res) -> new Response(
                res.getStatusCode().value(),
                Map.copyOf(res.getHeaders().asMultiValueMap()),
                new String(res.getBody().readAllBytes())));
    }

    // service-to-service calls without a client registration (local runs, tests)

    @Autowired
    ServiceCallAuthentication serviceCalls;

    @Test
    void without_a_client_registration_a_service_call_carries_the_configured_local_token() {
        String local = TestTokens.forSubject("dispatch-service", Role.SERVICE).substring("Bearer ".length());
        RestClient client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .apply(serviceCalls.bearer(" " + local + " "))
                .build();

        String answer = client.get().uri("/api/test/internal/caller").retrieve().body(String.class);

        assertThat(serviceCalls.fromIssuer()).isFalse();
        assertThat(answer).contains("\"subject\":\"dispatch-service\"");
    }

    @Test
    void without_a_client_registration_or_a_local_token_a_service_call_carries_no_token_and_gets_401() {
        RestClient client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .apply(serviceCalls.bearer(null))
                .build();

        int status = client.get()
                .uri("/api/test/internal/caller")
                .exchange((req, res) -> res.getStatusCode().value());

        assertThat(status).isEqualTo(401);
    }

    // API2 broken authentication

    @Test
    void a_request_without_a_token_gets_401_with_a_bearer_challenge() {
        Response response = call(HttpMethod.GET, "/api/test/restaurants", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        LocalTokens stranger = LocalTokens.generate("wpfoods-test");
        String forged = stranger.mint("intruder", List.of(Role.OPS), List.of(), Duration.ofMinutes(5));

        assertThat(call(HttpMethod.GET, "/api/test/ops-report", "Bearer " + forged)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = TestTokens.issuer()
                .sign(new JWTClaimsSet.Builder()
                        .subject("old-ops")
                        .issuer("wpfoods-test")
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
                        .claim("roles", List.of("ops"))
                        .build());

        assertThat(call(HttpMethod.GET, "/api/test/ops-report", "Bearer " + expired)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void an_unsigned_token_is_refused() {
        String[] parts = TestTokens.ops().substring("Bearer ".length()).split("\\.");
        String noSignature = "eyJhbGciOiJub25lIn0." + parts[1] + ".";

        assertThat(call(HttpMethod.GET, "/api/test/ops-report", "Bearer " + noSignature)
                        .status())
                .isEqualTo(401);
    }

    // API1 broken object level authorization

    @Test
    void a_restaurant_token_reads_its_own_restaurant_but_gets_404_for_another() {
        String fonda = TestTokens.restaurant("r-1");

        assertThat(call(HttpMethod.GET, "/api/test/restaurants/r-1", fonda).status())
                .isEqualTo(200);
        Response other = call(HttpMethod.GET, "/api/test/restaurants/r-2", fonda);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("La Brasa Rola");
    }

    @Test
    void ops_reads_every_restaurant() {
        assertThat(call(HttpMethod.GET, "/api/test/restaurants/r-2", TestTokens.ops())
                        .status())
                .isEqualTo(200);
    }

    // API3 broken object property level authorization

    @Test
    void staff_phone_numbers_go_to_ops_only_and_a_restaurant_lists_only_its_own() {
        Response asRestaurant = call(HttpMethod.GET, "/api/test/restaurants", TestTokens.restaurant("r-1"));
        Response asOps = call(HttpMethod.GET, "/api/test/restaurants", TestTokens.ops());

        assertThat(asRestaurant.body()).contains("La Fonda Paisa").doesNotContain("La Brasa Rola", "5731055501");
        assertThat(asOps.body()).contains("573105550101", "573105550102");
    }

    // API5 broken function level authorization

    @Test
    void roles_decide_the_functions_and_an_unlisted_endpoint_is_for_ops_only() {
        assertThat(call(HttpMethod.POST, "/api/test/workers", TestTokens.restaurant("r-1"))
                        .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/test/workers", TestTokens.workerAdmin())
                        .status())
                .isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/test/ops-report", TestTokens.workerAdmin())
                        .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/test/ops-report", TestTokens.service())
                        .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/test/ops-report", TestTokens.ops())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_token_with_an_unknown_role_gets_nothing() {
        String stranger = "Bearer "
                + TestTokens.issuer()
                        .sign(new JWTClaimsSet.Builder()
                                .subject("someone")
                                .issuer("wpfoods-test")
                                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                                .claim("roles", List.of("admin", "ROLE_ops"))
                                .build());

        assertThat(call(HttpMethod.GET, "/api/test/ops-report", stranger).status())
                .isEqualTo(403);
    }

    // API4 unrestricted resource consumption

    @Test
    void one_client_over_its_limit_gets_429_with_retry_after_while_another_client_goes_on() {
        String greedy = TestTokens.forSubject("greedy-client", Role.OPS);
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(call(HttpMethod.GET, "/api/test/ops-report", greedy));
        }

        Response limited = responses.stream()
                .filter(r -> r.status() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in 30 requests at 2/s"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.body()).contains("\"status\":429");
        assertThat(call(HttpMethod.GET, "/api/test/ops-report", TestTokens.ops())
                        .status())
                .isEqualTo(200);
    }

    // API8 security misconfiguration

    @Test
    void an_internal_error_answers_500_without_stack_trace_message_version_or_host() {
        Response response = call(HttpMethod.GET, "/api/test/boom", TestTokens.ops());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body())
                .doesNotContain(
                        "IllegalStateException", "at co.wpfoods", "db-7", "internal.wpfoods", "trace", "Tomcat");
        assertThat(response.header("Server")).isNull();
        assertThat(response.header("X-Powered-By")).isNull();
    }

    @Test
    void every_answer_carries_the_security_headers() {
        for (Response response : List.of(
                call(HttpMethod.GET, "/api/test/ops-report", TestTokens.ops()),
                call(HttpMethod.GET, "/api/test/ops-report", null))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void health_probes_and_the_metrics_scrape_are_open_other_actuator_endpoints_are_for_ops() {
        assertThat(call(HttpMethod.GET, "/actuator/health", null).status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/actuator/env", null).status()).isEqualTo(401);
        assertThat(call(HttpMethod.GET, "/actuator/env", TestTokens.restaurant("r-1"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_configured_public_path_needs_no_token_and_nothing_else_is_open() {
        assertThat(call(HttpMethod.GET, "/hooks/test", null).status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/somewhere/else", null).status()).isEqualTo(401);
    }
}
