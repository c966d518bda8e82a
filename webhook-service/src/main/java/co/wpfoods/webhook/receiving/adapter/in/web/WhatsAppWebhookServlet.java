package co.wpfoods.webhook.receiving.adapter.in.web;

import co.wpfoods.logging.tracing.Traces;
import co.wpfoods.webhook.receiving.application.ParsedWebhook;
import co.wpfoods.webhook.receiving.application.RawWebhook;
import co.wpfoods.webhook.receiving.application.ReceivingWebhook;
import co.wpfoods.webhook.receiving.application.WebhookMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/whatsapp}, behind the gateway (which checked the signature, size and content type and
 * forwards the exact bytes). 200 once every record is on Kafka; 400 with a reason for a body that is not a JSON
 * object or not an envelope Meta would send ({@code {"reason": "...", "detail": "..."}}); 503 when Kafka or the database did not make it durable in time, so that Meta retries.
 *
 * <p>A plain servlet mapped to the one path, not a Spring MVC controller: every delivery Meta sends passes here, and
 * the dispatcher's handler lookup, argument resolvers, message converters and content negotiation cost more CPU per
 * request than the parsing does (measured with the {@code webhook} benchmark, see the module README). Other
 * methods on the path get 405, as before.
 */
public final class WhatsAppWebhookServlet extends HttpServlet {

    public static final String PATH = "/webhooks/whatsapp";

    /** Writes the 400 answer, {@code {"reason": "...", "detail": "..."}}. */
    private static final ObjectWriter JSON = JsonMapper.builder().build().writerFor(Refusal.class);

    /** The body of a 400. */
    record Refusal(String reason, String detail) {}

    private final transient MetaEnvelopeParser parser;
    private final transient ReceivingWebhook receiving;
    private final transient WebhookMetrics metrics;
    private final transient Traces traces;

    public WhatsAppWebhookServlet(
            MetaEnvelopeParser parser, ReceivingWebhook receiving, WebhookMetrics metrics, Traces traces) {
        this.parser = parser;
        this.receiving = receiving;
        this.metrics = metrics;
        this.traces = traces;
    }

    /**
     * Each delivery is a span continuing the gateway's ({@code traceparent}), so every record it publishes carries
     * this trace.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        IOException[] failed = {null};
        traces.continuing(request.getHeader(Traces.TRACEPARENT), "webhook receive", () -> {
            try {
                receive(request, response);
            } catch (IOException e) {
                failed[0] = e;
            }
            return null;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.received();
        Instant receivedAt = Instant.now();
        byte[] body = request.getInputStream().readAllBytes();
        ParsedWebhook parsed;
        try {
            parsed = parser.parse(body, receivedAt);
        } catch (MalformedWebhookException e) {
            metrics.rejected(e.reason());
            byte[] answer = JSON.writeValueAsBytes(new Refusal(e.reason(), e.detail()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setContentLength(answer.length);
            response.getOutputStream().write(answer);
            return;
        }
        var raw = new RawWebhook(
                body,
                receivedAt,
                request.getHeader("X-Request-Id"),
                request.getHeader("X-Hub-Signature-256"),
                traceparent(request));
        response.setStatus(
                switch (receiving.receive(parsed, raw)) {
                    case ACCEPTED -> HttpServletResponse.SC_OK;
                    case UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                });
        response.setContentLength(0);
    }

    /** This span's when tracing, else what the gateway sent. */
    private String traceparent(HttpServletRequest request) {
        String current = traces.currentTraceparent();
        return current != null ? current : request.getHeader(Traces.TRACEPARENT);
    }
}
