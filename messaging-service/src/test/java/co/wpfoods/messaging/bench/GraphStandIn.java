package co.wpfoods.messaging.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph API stand-in that enforces Meta's limits like Meta does: more than {@code rate} messages in any trailing
 * second → 130429; a recipient's pair bucket (45, one per 6 s) empty → 131056. Records every request.
 */
final class GraphStandIn implements AutoCloseable {

    record Arrival(long nanos, String commandId, String recipient, int code) {}

    private static final Pattern TO = Pattern.compile("\"to\":\"\\+?([^\"]+)\"");
    private static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\":\"([^\"]+)\"");

    private final HttpServer server;
    private final double rate;
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final Map<String, double[]> pairBuckets = new HashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();

    GraphStandIn(double rate) throws IOException {
        this.rate = rate;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        // platform threads: in this shared JVM, handlers on virtual threads wait for the same few carriers as the
        // sender's own work, and a request would be stamped when a carrier frees up rather than when it arrived
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    synchronized void reset() {
        arrivals.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 200, "{\"id\":\"1\"}");
            return;
        }
        Matcher to = TO.matcher(body);
        Matcher callback = CALLBACK.matcher(body);
        String recipient = to.find() ? to.group(1) : "?";
        String commandId = callback.find() ? callback.group(1) : "?";
        int code = admit(arrived, recipient, commandId);
        if (code == 0) {
            respond(
                    exchange,
                    200,
                    "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}");
        } else {
            respond(
                    exchange,
                    400,
                    "{\"error\":{\"message\":\"(#" + code + ") limit\",\"type\":\"OAuthException\",\"code\":" + code
                            + "}}");
        }
    }

    /**
     * Meta's view: the request is counted when it arrives, and the same instant is what the benchmark's window
     * analysis sees (recording it after the response was written would add the response's own jitter).
     */
    private synchronized int admit(long now, String recipient, String commandId) {
        int code = limit(recipient, now);
        arrivals.add(new Arrival(now, commandId, recipient, code));
        return code;
    }

    private int limit(String recipient, long now) {
        while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
            lastSecond.pollFirst();
        }
        if (lastSecond.size() >= rate) {
            return 130429;
        }
        double[] bucket = pairBuckets.computeIfAbsent(recipient, r -> new double[] {45, now});
        bucket[0] = Math.min(45, bucket[0] + (now - bucket[1]) / 6e9);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return 131056;
        }
        bucket[0] -= 1;
        lastSecond.addLast(now);
        return 0;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
