package co.wpfoods.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** OWASP API2/API5 on payment-service: its API is for ops; the providers' webhooks are reached without a token. */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentApiAccessIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void the_payments_api_needs_an_ops_token() throws Exception {
        assertThat(get("/api/payments/pay-1", null)).isEqualTo(401);
        assertThat(get("/api/payments/pay-1", TestTokens.restaurant("r-1"))).isEqualTo(403);
        assertThat(get("/api/payments/pay-1", TestTokens.service())).isEqualTo(403);
        // past the security check (no such endpoint yet on this branch: 404, not 401/403)
        assertThat(get("/api/payments/pay-1", TestTokens.ops())).isEqualTo(404);
    }

    @Test
    void a_provider_webhook_is_not_stopped_for_want_of_a_token() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isNotIn(401, 403);
    }

    int get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
