package co.wpfoods.gateway;

import co.wpfoods.gateway.metawebhook.domain.WebhookSignatureVerifier;
import co.wpfoods.security.test.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One running gateway (random port) shared by every integration test, with one WireMock server
 * standing in for all the services behind it. Subclasses must not add configuration, so the Spring
 * context is built once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.gateway.meta.app-secret=" + GatewayITSupport.CURRENT_SECRET,
            "wpfoods.gateway.meta.app-secret-previous=" + GatewayITSupport.PREVIOUS_SECRET,
            "wpfoods.gateway.meta.verify-token=" + GatewayITSupport.VERIFY_TOKEN,
            "wpfoods.gateway.meta.forward-timeout=1s",
            "wpfoods.gateway.rate-limit.per-second=50",
            "wpfoods.gateway.rate-limit.per-minute=10",
            "wpfoods.gateway.rate-limit.trusted-proxy-hops=1"
        })
public abstract class GatewayITSupport {

    public static final String CURRENT_SECRET = "it-current-app-secret";
    public static final String PREVIOUS_SECRET = "it-previous-app-secret";
    public static final String VERIFY_TOKEN = "it-verify-token";
    public static final String WEBHOOK_PATH = "/webhooks/whatsapp";

    protected static final WireMockServer UPSTREAM = startUpstream();

    @LocalServerPort
    private int port;

    protected WebTestClient gateway;

    protected int port() {
        return port;
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (String service :
                new String[] {"webhook-service", "order-service", "dispatch-service", "payment-service", "ai-service"
                }) {
            registry.add("wpfoods.gateway.services." + service, UPSTREAM::baseUrl);
        }
    }

    @BeforeEach
    void resetUpstreamAndClient() {
        UPSTREAM.resetAll();
        gateway = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                // /api/** needs a token at the edge (EdgeAuthenticationIT tests requests without one)
                .defaultHeader("Authorization", TestTokens.ops())
                .build();
    }

    protected WebTestClient.RequestHeadersSpec<?> signedWebhook(byte[] body, String secret) {
        return gateway.post()
                .uri(WEBHOOK_PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignatureVerifier.sign(secret, body))
                .bodyValue(body);
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static WireMockServer startUpstream() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
