package co.wpfoods.messaging.bench;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.DeliveryState;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.WaUser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A Graph API stand-in that misbehaves like Meta's edge does now and then, each fault with its own probability:
 * <ul>
 *   <li>{@code dropped}: Meta accepts the message (the user gets it, a {@code sent} status follows) but the answer
 *       never reaches us — the connection stays silent until our request timeout;
 *   <li>{@code lost}: the request dies before Meta acts on it and no answer comes either (no status follows);
 *   <li>{@code slow}: accepted, answered after {@code slowAnswer};
 *   <li>{@code 500} (code 2) and {@code 130429}: refused, nothing delivered.
 * </ul>
 * Every message Meta accepts is "on the user's phone" and gets a {@code sent} status on {@code wa.status.v1} after a
 * delay drawn uniformly from {@code statusMin..statusMax} (Meta's own delay, then its webhook delivery, which Meta
 * retries with backoff when our receiver is slow), carrying {@code biz_opaque_callback_data}, as Meta does.
 */
final class FaultyGraph implements AutoCloseable {

    record Faults(double dropped, double lost, double slow, double serverError, double throughput) {}

    /** One request as Meta saw it: when, for which command, and whether the user got the message. */
    record Arrival(Instant at, String commandId, String recipient, String fault, boolean delivered) {}

    private static final Pattern TO = Pattern.compile("\"to\":\"\\+?([^\"]+)\"");
    private static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\":\"([^\"]+)\"");

    private final HttpServer server;
    private final Faults faults;
    private final Duration silence;
    private final Duration slowAnswer;
    private final Duration statusMin;
    private final Duration statusMax;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final SplittableRandom random;
    private final ScheduledExecutorService statuses = Executors.newSingleThreadScheduledExecutor();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> statusSent = new ConcurrentHashMap<>();

    FaultyGraph(
            Faults faults,
            Duration silence,
            Duration slowAnswer,
            Duration statusMin,
            Duration statusMax,
            KafkaProducer<String, SpecificRecord> producer,
            long seed)
            throws IOException {
        this.faults = faults;
        this.silence = silence;
        this.slowAnswer = slowAnswer;
        this.statusMin = statusMin;
        this.statusMax = statusMax;
        this.producer = producer;
        this.random = new SplittableRandom(seed);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    /** When the {@code sent} status of a command's delivered message was published. */
    Map<String, Instant> statusSent() {
        return Map.copyOf(statusSent);
    }

    private String draw() {
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        double[] p = {faults.dropped(), faults.lost(), faults.slow(), faults.serverError(), faults.throughput()};
        String[] names = {"dropped", "lost", "slow", "500", "130429"};
        for (int i = 0; i < p.length; i++) {
            if (r < p[i]) {
                return names[i];
            }
            r -= p[i];
        }
        return "none";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 200, "{\"id\":\"1\"}");
            return;
        }
        Matcher to = TO.matcher(body);
        Matcher callback = CALLBACK.matcher(body);
        String recipient = to.find() ? to.group(1) : "?";
        String commandId = callback.find() ? callback.group(1) : "?";
        String fault = draw();
        boolean delivered = !fault.equals("lost") && !fault.equals("500") && !fault.equals("130429");
        arrivals.add(new Arrival(Instant.now(), commandId, recipient, fault, delivered));
        String wamid = "wamid." + UUID.randomUUID();
        if (delivered) {
            long delay;
            synchronized (random) {
                delay = random.nextLong(statusMin.toMillis(), statusMax.toMillis() + 1);
            }
            statuses.schedule(() -> sentStatus(recipient, wamid, commandId), delay, TimeUnit.MILLISECONDS);
        }
        switch (fault) {
            case "dropped", "lost" -> {
                // no answer: the client gives up at its request timeout; then the connection is dropped
                pause(silence);
                exchange.close();
            }
            case "500" -> respond(exchange, 500, error(2, "Service temporarily unavailable"));
            case "130429" -> respond(exchange, 400, error(130429, "Rate limit hit"));
            default -> {
                if (fault.equals("slow")) {
                    pause(slowAnswer);
                }
                respond(
                        exchange,
                        200,
                        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+" + recipient
                                + "\",\"wa_id\":\"" + recipient + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
            }
        }
    }

    private void sentStatus(String recipient, String wamid, String commandId) {
        DeliveryStatus status = DeliveryStatus.newBuilder()
                .setMessageId(wamid)
                .setStatus(DeliveryState.SENT)
                .setMetaStatus("sent")
                .setRecipient(WaUser.newBuilder().setWaId(recipient).build())
                .setPhoneNumberId("106540352242922")
                .setOccurredAt(Instant.now())
                .setReceivedAt(Instant.now())
                .setBizOpaqueCallbackData(commandId)
                .setErrors(List.of())
                .setRawJson("{}")
                .build();
        statusSent.putIfAbsent(commandId, Instant.now());
        producer.send(new ProducerRecord<>(Topics.WhatsApp.STATUS, recipient, status));
    }

    private static String error(int code, String title) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"fbtrace_id\":\"AbC\"}}";
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        statuses.shutdownNow();
        server.stop(0);
    }
}
