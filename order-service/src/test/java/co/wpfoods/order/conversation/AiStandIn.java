package co.wpfoods.order.conversation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ai-service's {@code POST /api/ai/intent} as a real HTTP server for tests: it answers each text with the intent a
 * test scripted for it (ai-service's documented JSON), and can be made slow (past our 300 ms limit) or down (503).
 * Texts nobody scripted get {@code unknown} with low confidence, as the offline engine would.
 */
final class AiStandIn {

    enum Mode {
        UP,
        SLOW,
        DOWN
    }

    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger warmUpsAnswered = new AtomicInteger();
    private volatile Mode mode = Mode.UP;

    private AiStandIn(HttpServer server) {
        this.server = server;
    }

    static AiStandIn start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var standIn = new AiStandIn(server);
            server.createContext("/api/ai/intent", exchange -> {
                standIn.calls.incrementAndGet();
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher text = TEXT.matcher(request);
                String key = text.find() ? text.group(1) : "";
                if (standIn.mode == Mode.DOWN) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                if (standIn.mode == Mode.SLOW) {
                    try {
                        Thread.sleep(1_500); // the stand-in's own slowness, not a test waiting
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = standIn.answers.getOrDefault(key, UNSCRIPTED).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException e) {
                    // the client gave up waiting (slow mode): nothing to answer
                }
                exchange.close();
                if (request.contains("\"order-service-warm-up\"")) {
                    standIn.warmUpsAnswered.incrementAndGet();
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode value) {
        mode = value;
    }

    int calls() {
        return calls.get();
    }

    /** Warm-up calls of order-service's client (at its start) this stand-in has answered. */
    int warmUpsAnswered() {
        return warmUpsAnswered.get();
    }

    /** When someone writes {@code text}, ai-service answers {@code json}. */
    void answer(String text, String json) {
        answers.put(text, json);
    }

    /**
     * What a message nobody scripted gets: unsure, and no language claimed (ai-service names the language it
     * detected; a stand-in that always said "es" would decide the language of unscripted English messages by
     * whether the call beat its time limit).
     */
    static final String UNSCRIPTED =
            "{\"intent\": \"unknown\", \"confidence\": 0.2, \"entities\": {}, \"language\": null, \"engine\": \"offline\"}";

    static String intent(String intent, double confidence, String entities) {
        return """
                {"intent": "%s", "confidence": %s, "entities": {%s}, "language": "es", "engine": "offline"}
                """.formatted(intent, confidence, entities);
    }

    static String items(String... items) {
        return "\"items\": [" + String.join(",", items) + "]";
    }

    static String item(String restaurantId, String itemId, String name, int quantity, String... modifiers) {
        return """
                {"itemId": "%s", "name": "%s", "restaurantId": "%s", "quantity": %d, "modifiers": [%s]}
                """.formatted(itemId, name, restaurantId, quantity, String.join(",", modifiers));
    }

    static String modifier(String modifierId, String text) {
        return modifierId == null
                ? "{\"kind\": \"REMOVE\", \"text\": \"%s\", \"modifierId\": null}".formatted(text)
                : "{\"kind\": \"ADD\", \"text\": \"%s\", \"modifierId\": \"%s\"}".formatted(text, modifierId);
    }

    static String address(String viaType, String viaNumber, String crossNumber, String plate) {
        return """
                "address": {"viaType": "%s", "viaNumber": "%s", "crossNumber": "%s", "plate": "%s", "raw": "x", "normalized": "x"}
                """.formatted(viaType, viaNumber, crossNumber, plate);
    }
}
