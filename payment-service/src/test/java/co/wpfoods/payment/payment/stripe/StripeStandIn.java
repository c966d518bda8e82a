package co.wpfoods.payment.payment.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Stripe-shaped HTTP server for tests (JDK HttpServer): Checkout sessions (create with idempotency keys, retrieve,
 * expire, list), refunds. Same key and same parameters replay the first answer ({@code Idempotent-Replayed: true});
 * same key and other parameters answer 400 {@code idempotency_error}, as Stripe does. It can lose the answer of the
 * next session creation after creating it (a 500 after the fact), the case idempotency keys exist for.
 */
public final class StripeStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Call(String method, String path, String idempotencyKey, Map<String, String> params) {}

    private record Stored(Map<String, String> params, int status, String body) {}

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicBoolean loseNextCreateAnswer = new AtomicBoolean();
    private final AtomicBoolean refundsPending = new AtomicBoolean();

    public StripeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Refunds answer {@code pending} (Stripe then tells the outcome with refund.updated). */
    public void answerRefundsPending(boolean pending) {
        refundsPending.set(pending);
    }

    public void loseNextCreateAnswer() {
        loseNextCreateAnswer.set(true);
    }

    public List<Call> calls(String method, String pathPrefix) {
        synchronized (calls) {
            return calls.stream()
                    .filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix))
                    .toList();
        }
    }

    /** Sessions created for an order (by its metadata). */
    public List<ObjectNode> sessionsOfOrder(String orderId) {
        return sessions.values().stream()
                .filter(s -> orderId.equals(s.path("metadata").path("order_id").asString()))
                .toList();
    }

    /** The customer pays on Stripe's page: the session completes with a payment intent. */
    public ObjectNode pay(String sessionId) {
        ObjectNode s = sessions.get(sessionId);
        s.put("status", "complete");
        s.put("payment_status", "paid");
        s.put("payment_intent", "pi_test_" + ids.incrementAndGet());
        return s.deepCopy();
    }

    public ObjectNode session(String sessionId) {
        return sessions.get(sessionId).deepCopy();
    }

    public List<ObjectNode> refunds() {
        return List.copyOf(refunds.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String raw = "GET".equals(method)
                    ? exchange.getRequestURI().getRawQuery()
                    : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = form(raw);
            calls.add(new Call(method, path, key, params));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer sk_test_")) {
                answer(exchange, 401, error("invalid_request_error", null, "No valid API key provided."), false);
                return;
            }
            if ("POST".equals(method) && key != null) {
                Stored earlier = byKey.get(path + "|" + key);
                if (earlier != null) {
                    if (!earlier.params().equals(params)) {
                        answer(
                                exchange,
                                400,
                                error(
                                        "idempotency_error",
                                        null,
                                        "Keys for idempotent requests can"
                                                + " only be used with the same parameters they were first used with."),
                                false);
                    } else {
                        answer(exchange, earlier.status(), earlier.body(), true);
                    }
                    return;
                }
            }
            Stored result = route(method, path, params);
            if ("POST".equals(method) && key != null && result.status() < 500) {
                byKey.put(path + "|" + key, new Stored(params, result.status(), result.body()));
            }
            if ("POST".equals(method)
                    && "/v1/checkout/sessions".equals(path)
                    && loseNextCreateAnswer.compareAndSet(true, false)) {
                answer(exchange, 500, error("api_error", null, "The answer was lost."), false);
                return;
            }
            answer(exchange, result.status(), result.body(), false);
        }
    }

    private Stored route(String method, String path, Map<String, String> params) {
        if ("POST".equals(method) && "/v1/checkout/sessions".equals(path)) {
            return ok(createSession(params));
        }
        if ("GET".equals(method) && "/v1/checkout/sessions".equals(path)) {
            long gte = Long.parseLong(params.getOrDefault("created[gte]", "0"));
            long lt = Long.parseLong(params.getOrDefault("created[lt]", String.valueOf(Long.MAX_VALUE)));
            ObjectNode list = JSON.createObjectNode();
            list.put("object", "list");
            list.put("url", "/v1/checkout/sessions");
            list.put("has_more", false);
            var data = list.putArray("data");
            sessions.values().stream()
                    .filter(s -> s.path("created").asLong() >= gte
                            && s.path("created").asLong() < lt)
                    .forEach(data::add);
            return ok(list);
        }
        if (path.startsWith("/v1/checkout/sessions/")) {
            String rest = path.substring("/v1/checkout/sessions/".length());
            String id = rest.replace("/expire", "");
            ObjectNode s = sessions.get(id);
            if (s == null) {
                return new Stored(params, 404, error("invalid_request_error", "resource_missing", "No such session"));
            }
            if (rest.endsWith("/expire")) {
                if (!"open".equals(s.path("status").asString())) {
                    return new Stored(
                            params,
                            400,
                            error("invalid_request_error", null, "Only open sessions can be" + " expired."));
                }
                s.put("status", "expired");
            }
            return ok(s);
        }
        if ("POST".equals(method) && "/v1/refunds".equals(path)) {
            String intent = params.get("payment_intent");
            var session = sessions.values().stream()
                    .filter(s -> intent != null
                            && intent.equals(s.path("payment_intent").asString(null)))
                    .findFirst();
            long amount = Long.parseLong(params.get("amount"));
            if (session.isEmpty()) {
                return new Stored(params, 400, error("invalid_request_error", "resource_missing", "No such intent"));
            }
            long refunded = session.get().path("x_refunded").asLong(0);
            if (refunded + amount > session.get().path("amount_total").asLong()) {
                return new Stored(params, 400, error("invalid_request_error", "amount_too_large", "Too large"));
            }
            session.get().put("x_refunded", refunded + amount);
            ObjectNode refund = JSON.createObjectNode();
            refund.put("id", "re_test_" + ids.incrementAndGet());
            refund.put("object", "refund");
            refund.put("amount", amount);
            refund.put("currency", "cop");
            refund.put("payment_intent", intent);
            refund.put("status", refundsPending.get() ? "pending" : "succeeded");
            var metadata = refund.putObject("metadata");
            params.forEach((k, v) -> {
                if (k.startsWith("metadata[")) {
                    metadata.put(k.substring(9, k.length() - 1), v);
                }
            });
            refunds.put(refund.path("id").asString(), refund);
            return ok(refund);
        }
        return new Stored(params, 404, error("invalid_request_error", null, "Unrecognized request URL"));
    }

    private ObjectNode createSession(Map<String, String> params) {
        String id = "cs_test_" + ids.incrementAndGet();
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        s.put("object", "checkout.session");
        s.put("mode", params.get("mode"));
        s.put("status", "open");
        s.put("payment_status", "unpaid");
        s.putNull("payment_intent");
        s.put("currency", params.get("line_items[0][price_data][currency]"));
        s.put("amount_total", Long.parseLong(params.get("line_items[0][price_data][unit_amount]")));
        s.put("client_reference_id", params.get("client_reference_id"));
        s.put("expires_at", Long.parseLong(params.get("expires_at")));
        s.put("created", Instant.now().getEpochSecond());
        s.put("url", "https://checkout.stripe.test/c/pay/" + id);
        var metadata = s.putObject("metadata");
        params.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.put(k.substring(9, k.length() - 1), v);
            }
        });
        sessions.put(id, s);
        return s;
    }

    private static Stored ok(ObjectNode body) {
        return new Stored(Map.of(), 200, JSON.writeValueAsString(body));
    }

    private static String error(String type, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        return JSON.writeValueAsString(root);
    }

    private static void answer(HttpExchange exchange, int status, String body, boolean replayed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + System.nanoTime());
        if (replayed) {
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> params = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
