package co.wpfoods.order.conversation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * messaging-service's {@code POST /api/messaging/media} as a real HTTP server for tests: it reads the multipart
 * {@code file} part, keeps what it received (bytes, content type, the caller's Authorization header) and answers a new
 * numeric media id, as messaging-service does after Meta's upload.
 */
final class MessagingStandIn {

    record Upload(String mediaId, String contentType, byte[] bytes, String authorization) {}

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_TYPE = Pattern.compile("(?im)^Content-Type:\\s*(\\S+)\\s*$");

    private final HttpServer server;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(918_273_645_000L);

    private MessagingStandIn(HttpServer server) {
        this.server = server;
    }

    static MessagingStandIn start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var standIn = new MessagingStandIn(server);
            server.createContext("/api/messaging/media", exchange -> {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                // ISO-8859-1 maps every byte to one char and back, so the binary part survives the string search
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
                if (!"POST".equals(exchange.getRequestMethod()) || !boundary.find()) {
                    exchange.sendResponseHeaders(400, -1);
                    exchange.close();
                    return;
                }
                String delimiter = "--" + boundary.group(1);
                int start = body.indexOf(delimiter);
                int headersEnd = body.indexOf("\r\n\r\n", start);
                int end = body.indexOf("\r\n" + delimiter, headersEnd);
                String headers = body.substring(start, headersEnd);
                Matcher type = PART_TYPE.matcher(headers);
                String id = Long.toString(standIn.ids.incrementAndGet());
                standIn.uploads.add(new Upload(
                        id,
                        type.find() ? type.group(1) : null,
                        body.substring(headersEnd + 4, end).getBytes(StandardCharsets.ISO_8859_1),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] answer = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Upload upload(String mediaId) {
        return uploads.stream()
                .filter(u -> u.mediaId().equals(mediaId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no upload with media id " + mediaId));
    }

    void stop() {
        server.stop(0);
    }
}
