package co.wpfoods.ai.it;

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

/** OWASP API5 on ai-service: only the service role spends LLM credit, only ops reads the usage report. */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiApiAccessIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String INTENT = "{\"text\":\"quiero una bandeja paisa\",\"role\":\"CUSTOMER\"}";

    @LocalServerPort
    int port;

    @Test
    void nobody_without_the_service_role_reaches_the_language_endpoints() throws Exception {
        assertThat(post("/api/ai/intent", INTENT, null)).isEqualTo(401);
        assertThat(post("/api/ai/intent", INTENT, TestTokens.ops())).isEqualTo(403);
        assertThat(post("/api/ai/intent", INTENT, TestTokens.restaurant("r-1"))).isEqualTo(403);
        assertThat(post("/api/ai/generate", "{}", TestTokens.workerAdmin())).isEqualTo(403);

        assertThat(post("/api/ai/intent", INTENT, TestTokens.service())).isEqualTo(200);
    }

    @Test
    void the_usage_report_is_for_ops_only() throws Exception {
        assertThat(get("/api/ai/usage", TestTokens.service())).isEqualTo(403);
        assertThat(get("/api/ai/usage", TestTokens.ops())).isEqualTo(200);
    }

    int post(String path, String body, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    int get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .GET();
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
