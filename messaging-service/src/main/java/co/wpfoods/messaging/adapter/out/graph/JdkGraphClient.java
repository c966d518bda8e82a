package co.wpfoods.messaging.adapter.out.graph;

import co.wpfoods.messaging.application.GraphApi;
import co.wpfoods.messaging.config.MessagingProperties;
import co.wpfoods.messaging.domain.GraphOutcome;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {base-url}/{api-version}/{phone-number-id}/messages} with the bearer token, through a resilience4j
 * circuit breaker that counts 5xx, timeouts and connection errors (not Meta's business errors) as failures.
 */
public class JdkGraphClient implements GraphApi {

    private static final Logger log = LoggerFactory.getLogger(JdkGraphClient.class);

    private final HttpClient http;
    private final MessagingProperties.Graph config;
    private final CircuitBreaker breaker;
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI messagesUri;
    private final URI probeUri;

    public JdkGraphClient(MessagingProperties.Graph config, CircuitBreaker breaker) {
        this.config = config;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String base = config.baseUrl().replaceAll("/+$", "") + "/" + config.apiVersion() + "/" + config.phoneNumberId();
        this.messagesUri = URI.create(base + "/messages");
        this.probeUri = URI.create(base + "?fields=id");
    }

    @Override
    public GraphOutcome send(String jsonBody) {
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
        try {
            return breaker.executeCheckedSupplier(() -> call(request));
        } catch (CallNotPermittedException open) {
            return new GraphOutcome.NotAttempted("circuit breaker open");
        } catch (HttpTimeoutException timeout) {
            return new GraphOutcome.Transient(0, "timeout: " + timeout.getMessage(), GraphOutcome.Retry.SERVER);
        } catch (IOException io) {
            return new GraphOutcome.Transient(0, "connection: " + io, GraphOutcome.Retry.SERVER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GraphOutcome.Transient(0, "interrupted", GraphOutcome.Retry.SERVER);
        } catch (ServerError e) {
            return e.outcome;
        } catch (Throwable e) {
            log.error("Unexpected failure calling the Graph API", e);
            return new GraphOutcome.Transient(0, e.toString(), GraphOutcome.Retry.SERVER);
        }
    }

    private GraphOutcome call(HttpRequest request) throws IOException, InterruptedException, ServerError {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new GraphOutcome.Accepted(wamidOf(response.body()));
        }
        GraphOutcome outcome = errorOf(status, response.body());
        if (status >= 500 && outcome instanceof GraphOutcome.Transient) {
            // thrown so the circuit breaker counts it; caught in send()
            throw new ServerError(outcome);
        }
        return outcome;
    }

    private String wamidOf(String body) {
        try {
            JsonNode messages = json.readTree(body).path("messages");
            return messages.isArray() && !messages.isEmpty()
                    ? messages.get(0).path("id").asString(null)
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private GraphOutcome errorOf(int status, String body) {
        Integer code = null;
        String message = "HTTP " + status;
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.has("code")) {
                code = error.get("code").asInt();
            }
            String text = error.path("message").asString("");
            String details = error.path("error_data").path("details").asString("");
            message = details.isEmpty() ? text : text + " — " + details;
        } catch (RuntimeException e) {
            // not Graph's envelope (a proxy's error page, say): classify by HTTP status
        }
        return GraphOutcome.ofError(status, code, message);
    }

    @Override
    public boolean tokenWorks() {
        HttpRequest request = HttpRequest.newBuilder(probeUri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean circuitOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN
                || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    /** The token file (if configured) is read on every call, so a rotated token is used at once. */
    private String token() {
        if (config.accessTokenFile() != null) {
            try {
                return Files.readString(config.accessTokenFile()).strip();
            } catch (IOException e) {
                log.warn("Cannot read the access token file; using the configured token");
            }
        }
        return config.accessToken() == null ? "" : config.accessToken();
    }

    /** A retryable server-side failure, thrown through the circuit breaker so it is counted. */
    static final class ServerError extends Exception {
        final transient GraphOutcome outcome;

        ServerError(GraphOutcome outcome) {
            super(outcome.toString(), null, false, false);
            this.outcome = outcome;
        }
    }
}
