package co.wpfoods.dispatch.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ai-service's {@code POST /api/ai/intent} as a real HTTP server for tests: it keeps every request it got and answers
 * each text with what a test scripted for it (ai-service's documented JSON); texts nobody scripted get
 * {@code unknown} with low confidence, as the offline engine would.
 */
final class AiStandIn implements AutoCloseable {

    static final String UNSCRIPTED =
            "{\"intent\": \"unknown\", \"confidence\": 0.2, \"entities\": {}, \"language\": null, \"engine\": \"offline\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private AiStandIn(HttpServer server) {
        this.server = server;
    }

    static AiStandIn start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var standIn = new AiStandIn(server);
            server.createContext("/api/ai/intent", exchange -> {
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                standIn.requests.add(request);
                byte[] body = standIn.answers
                        .getOrDefault(request.path("text").asString(""), UNSCRIPTED)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
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

    /** When someone writes {@code text}, ai-service answers {@code json}. */
    void answer(String text, String json) {
        answers.put(text, json);
    }

    /** The requests received so far whose correlation id is the one given. */
    List<JsonNode> requestsFor(String correlationId) {
        return requests.stream()
                .filter(r -> correlationId.equals(r.path("correlationId").asString(null)))
                .toList();
    }

    /** The last request that carried this text. */
    JsonNode lastRequestWith(String text) {
        return requests.reversed().stream()
                .filter(r -> text.equals(r.path("text").asString(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ai-service never got \"" + text + "\""));
    }

    static String intent(String intent, double confidence, String entities) {
        return """
                {"intent": "%s", "confidence": %s, "entities": {%s}, "language": "es", "engine": "offline"}
                """.formatted(intent, confidence, entities);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
