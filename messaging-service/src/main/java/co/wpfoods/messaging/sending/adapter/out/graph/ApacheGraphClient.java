package co.wpfoods.messaging.sending.adapter.out.graph;

import co.wpfoods.logging.tracing.Traces;
import co.wpfoods.messaging.sending.application.GraphApi;
import co.wpfoods.messaging.sending.domain.GraphOutcome;
import co.wpfoods.schemas.wa.OutboundCommand;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {base-url}/{api-version}/{phone-number-id}/messages} with the bearer token, through a resilience4j
 * circuit breaker that counts 5xx, timeouts and connection errors (not Meta's business errors) as failures.
 *
 * <p>Apache HttpClient 5's classic (blocking) client over a pool of keep-alive connections: the send thread that woke
 * at its slot writes the request and reads the answer itself. (The JDK's {@code HttpClient} hands each exchange to its
 * selector thread and a worker pool; at 1,000 sends/s those hand-offs cost more CPU than the rest of the send.) No
 * automatic retries: a request Meta may have accepted is never repeated behind our back.
 *
 * <p>Each send is a span ({@code whatsapp.graph.send}) continuing the trace its command arrived in, and its W3C
 * {@code traceparent} goes on the request, so Meta's side (or the simulator) sees the same trace; logged lines of the
 * call carry its trace and span ids.
 */
public class ApacheGraphClient implements GraphApi, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApacheGraphClient.class);

    private final CloseableHttpClient http;
    private final Supplier<String> token;
    private final CircuitBreaker breaker;
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI messagesUri;
    private final URI probeUri;
    private final Traces traces;

    /**
     * @param phoneNumber {@code {base-url}/{api-version}/{phone-number-id}}
     * @param token the bearer token, asked for on every call (a rotated token is used at once)
     * @param maxConnections connections kept to the Graph API (one per send in flight)
     */
    public ApacheGraphClient(
            URI phoneNumber,
            Supplier<String> token,
            Duration connectTimeout,
            Duration requestTimeout,
            CircuitBreaker breaker,
            int maxConnections,
            Traces traces) {
        this.traces = traces;
        this.token = token;
        this.breaker = breaker;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        String base = phoneNumber.toString();
        this.messagesUri = URI.create(base + "/messages");
        this.probeUri = URI.create(base + "?fields=id");
    }

    @Override
    public GraphOutcome send(OutboundCommand command, String traceparent) {
        return traces.continuing(traceparent, "whatsapp.graph.send", () -> {
            // with tracing off, the command's own trace context still goes on
            String current = traces.currentTraceparent();
            GraphOutcome outcome = post(command, current != null ? current : traceparent);
            log.debug(
                    "Graph send {}: {}",
                    command.getCommandId(),
                    outcome.getClass().getSimpleName());
            return outcome;
        });
    }

    private GraphOutcome post(OutboundCommand command, String traceparent) {
        HttpPost request = new HttpPost(messagesUri);
        request.setHeader("Authorization", "Bearer " + token.get());
        if (traceparent != null && !traceparent.isBlank()) {
            request.setHeader(Traces.TRACEPARENT, traceparent);
        }
        request.setEntity(new StringEntity(GraphBodies.json(command), ContentType.APPLICATION_JSON));
        try {
            return breaker.executeCheckedSupplier(() -> call(request));
        } catch (CallNotPermittedException open) {
            return new GraphOutcome.NotAttempted("circuit breaker open");
        } catch (IOException io) {
            return neverLeft(io)
                    ? new GraphOutcome.Transient(0, "connection: " + io, GraphOutcome.Retry.SERVER)
                    : new GraphOutcome.Unanswered(
                            (io instanceof SocketTimeoutException ? "no answer within the request timeout: " : "")
                                    + io);
        } catch (ServerError e) {
            return e.outcome;
        } catch (Throwable e) {
            log.error("Unexpected failure calling the Graph API", e);
            return new GraphOutcome.Transient(0, e.toString(), GraphOutcome.Retry.SERVER);
        }
    }

    /**
     * Failures that happen before the request is written: no connection (refused, unreachable, unknown host, connect
     * timeout, no pooled connection free). Meta cannot have seen such a request, so it is safe to retry. Anything else
     * (a response timeout, a reset or an early close after writing) may have reached Meta.
     */
    static boolean neverLeft(IOException io) {
        return io instanceof ConnectException
                || io instanceof ConnectTimeoutException
                || io instanceof ConnectionRequestTimeoutException
                || io instanceof UnknownHostException
                || io instanceof NoRouteToHostException;
    }

    private GraphOutcome call(ClassicHttpRequest request) throws IOException, ServerError {
        Answer answer = exchange(request);
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new GraphOutcome.Accepted(wamidOf(answer.body()));
        }
        GraphOutcome outcome = errorOf(status, answer.body());
        if (status >= 500 && outcome instanceof GraphOutcome.Transient) {
            // thrown so the circuit breaker counts it; caught in send()
            throw new ServerError(outcome);
        }
        return outcome;
    }

    private Answer exchange(ClassicHttpRequest request) throws IOException {
        return http.execute(
                request,
                response -> new Answer(
                        response.getCode(),
                        response.getEntity() == null
                                ? ""
                                : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    private record Answer(int status, String body) {}

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
        HttpGet request = new HttpGet(probeUri);
        request.setHeader("Authorization", "Bearer " + token.get());
        try {
            return exchange(request).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean circuitOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN
                || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
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
