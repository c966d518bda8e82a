package co.wpfoods.launcher;

import co.wpfoods.testing.bench.BenchmarkLog;
import co.wpfoods.testing.bench.ProcCpu;
import co.wpfoods.testing.process.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bench {@code conversation}: customers chatting through the whole path — the simulator signs each message and delivers
 * it to the gateway as Meta would, gateway → webhook-service → order-service (with ai-service's offline engine for
 * typed text) → messaging-service → the simulator's Graph API, whose status webhooks flow back through the gateway —
 * measured from the customer's send to the Graph API's acceptance of our reply.
 *
 * <p>Starts its own platform ({@code up} in {@code <data>/bench-conversation}, ports offset by 200), subscribes to the
 * simulator's timing stream ({@code GET /sim/api/timings}: the millisecond each webhook got its 200 and each reply was
 * accepted, pushed, so no polling error), then: a warm-up (every virtual customer's script once, not measured); the
 * baseline in the same run, the floor of the path — fresh customers saying "hola", one at a time at a low rate; the
 * load — {@code --customers} virtual customers at once, each a distinct number running the demo script (hola →
 * consent → location → restaurant → a free-text order of several items → "ver carrito" → pay → cash → confirm, then
 * again as a new customer), each sending its next message {@code --think-ms} after our reply arrived. Counts lost
 * (no reply within {@code --reply-timeout}) and duplicated replies (the same command, by its
 * {@code biz_opaque_callback_data}, accepted twice). Appends to {@code docs/benchmarks.jsonl}.
 */
final class ConversationBench {

    static final String COMMAND = "./wpfoods bench conversation";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Chapinero, where La Fonda Paisa delivers (the chat page's quick pick). */
    static final double LATITUDE = 4.6486;

    static final double LONGITUDE = -74.0628;

    /** Typed orders of several items from La Fonda Paisa's demo menu, with modifiers. */
    static final List<String> ORDERS = List.of(
            "dos bandejas paisas sin cebolla y una limonada de coco",
            "un ajiaco santafereño sin crema, una bandeja paisa y dos limonadas de coco",
            "dos bandejas paisas y un jugo de lulo en leche");

    /** What the bench does; every figure can be changed on the command line. */
    record Settings(
            int customers,
            Duration duration,
            Duration think,
            int baselineMessages,
            double baselineRate,
            Duration replyTimeout,
            int webhookConcurrency,
            int warmupCustomers) {

        static final Settings DEFAULTS = new Settings(
                200, Duration.ofSeconds(180), Duration.ofSeconds(2), 100, 5, Duration.ofSeconds(30), 32, 20);

        /** Takes the bench's own options out of {@code args}; the rest are the launcher's ({@code --port-offset} …). */
        static Settings parse(List<String> args) {
            Settings s = DEFAULTS;
            for (int i = 0; i < args.size(); ) {
                String name = args.get(i);
                if (!Set.of(
                                "--customers",
                                "--duration",
                                "--think-ms",
                                "--baseline",
                                "--baseline-rate",
                                "--reply-timeout",
                                "--webhook-concurrency",
                                "--warmup")
                        .contains(name)) {
                    i++;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                s = switch (name) {
                    case "--customers" ->
                        new Settings(
                                Integer.parseInt(value),
                                s.duration,
                                s.think,
                                s.baselineMessages,
                                s.baselineRate,
                                s.replyTimeout,
                                s.webhookConcurrency,
                                s.warmupCustomers);
                    case "--duration" ->
                        new Settings(
                                s.customers,
                                Duration.ofSeconds(Long.parseLong(value)),
                                s.think,
                                s.baselineMessages,
                                s.baselineRate,
                                s.replyTimeout,
                                s.webhookConcurrency,
                                s.warmupCustomers);
                    case "--think-ms" ->
                        new Settings(
                                s.customers,
                                s.duration,
                                Duration.ofMillis(Long.parseLong(value)),
                                s.baselineMessages,
                                s.baselineRate,
                                s.replyTimeout,
                                s.webhookConcurrency,
                                s.warmupCustomers);
                    case "--baseline" ->
                        new Settings(
                                s.customers,
                                s.duration,
                                s.think,
                                Integer.parseInt(value),
                                s.baselineRate,
                                s.replyTimeout,
                                s.webhookConcurrency,
                                s.warmupCustomers);
                    case "--baseline-rate" ->
                        new Settings(
                                s.customers,
                                s.duration,
                                s.think,
                                s.baselineMessages,
                                Double.parseDouble(value),
                                s.replyTimeout,
                                s.webhookConcurrency,
                                s.warmupCustomers);
                    case "--reply-timeout" ->
                        new Settings(
                                s.customers,
                                s.duration,
                                s.think,
                                s.baselineMessages,
                                s.baselineRate,
                                Duration.ofSeconds(Long.parseLong(value)),
                                s.webhookConcurrency,
                                s.warmupCustomers);
                    case "--webhook-concurrency" ->
                        new Settings(
                                s.customers,
                                s.duration,
                                s.think,
                                s.baselineMessages,
                                s.baselineRate,
                                s.replyTimeout,
                                Integer.parseInt(value),
                                s.warmupCustomers);
                    default ->
                        new Settings(
                                s.customers,
                                s.duration,
                                s.think,
                                s.baselineMessages,
                                s.baselineRate,
                                s.replyTimeout,
                                s.webhookConcurrency,
                                Integer.parseInt(value));
                };
            }
            if (s.customers < 1 || s.baselineMessages < 1 || s.baselineRate <= 0 || s.webhookConcurrency < 1) {
                throw new IllegalArgumentException(
                        "customers, baseline, baseline rate and webhook concurrency must be" + " positive");
            }
            return s;
        }
    }

    /** What a message is, for the figures: simple (a tap, "hola", "ver carrito", a location) or a typed order. */
    enum Kind {
        SIMPLE,
        ORDER
    }

    /** One reply the Graph API accepted, as the timing stream told it. */
    record Reply(String to, long receivedAtMs, String callback, JsonNode body) {

        boolean interactive() {
            return body.path("type").asString("").equals("interactive");
        }

        String text() {
            return body.path("text").path("body").asString("")
                    + body.path("interactive").path("body").path("text").asString("");
        }

        /** Every reply button and list row id the customer can tap in it. */
        List<String> choices() {
            List<String> ids = new ArrayList<>();
            body.path("interactive")
                    .path("action")
                    .path("buttons")
                    .forEach(b -> ids.add(b.path("reply").path("id").asString("")));
            body.path("interactive")
                    .path("action")
                    .path("sections")
                    .forEach(section -> section.path("rows")
                            .forEach(row -> ids.add(row.path("id").asString(""))));
            return ids;
        }

        String rowTitled(String prefix) {
            for (JsonNode section : body.path("interactive").path("action").path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    if (row.path("title").asString("").startsWith(prefix)) {
                        return row.path("id").asString();
                    }
                }
            }
            return null;
        }
    }

    /** One message of a customer and what came back: sent at the client's clock, replies at the simulator's. */
    record Turn(
            Kind kind,
            String label,
            long sentAtMs,
            String messageId,
            List<Reply> replies,
            boolean measured,
            boolean understood) {

        boolean lost() {
            return replies.isEmpty();
        }

        long firstReplyMs() {
            return replies.getFirst().receivedAtMs() - sentAtMs;
        }

        long lastReplyMs() {
            return replies.getLast().receivedAtMs() - sentAtMs;
        }

        Reply last() {
            return replies.getLast();
        }
    }

    /** The script could not go on (the simulator refused a tap, or the reply offered no way to the next step). */
    static final class ScriptBroken extends RuntimeException {
        ScriptBroken(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final LauncherOptions options;
    private final PrintStream out;
    private final HttpClient http;
    private final String simulator;
    private final Map<String, BlockingQueue<Reply>> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, Long> webhookAnsweredAt = new ConcurrentHashMap<>();
    private final Set<String> callbacksSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong numbers = new AtomicLong();
    private final Collection<String> broken = new ConcurrentLinkedQueue<>();

    ConversationBench(Settings settings, LauncherOptions options, PrintStream out) {
        this.settings = settings;
        this.options = options;
        this.out = out;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.simulator = options.ports().url("whatsapp-simulator") + "/sim/api";
    }

    /** {@code ./wpfoods bench conversation [--customers N] [--duration S] … [launcher options]}. */
    static int run(String[] args, PrintStream out) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Settings settings = Settings.parse(rest);
        List<String> launcherArgs = new ArrayList<>(List.of("bench"));
        launcherArgs.addAll(rest);
        LauncherOptions given = LauncherOptions.parse(launcherArgs.toArray(String[]::new));
        System.setProperty(
                "wpfoods.log.dir", given.dataDir().resolve("bench-logs").toString());
        LauncherOptions options = new LauncherOptions(
                given.command(),
                given.repo(),
                given.dataDir().resolve("bench-conversation"),
                given.portOffset() + 200,
                true,
                given.healthTimeout(),
                given.services());
        return new ConversationBench(settings, options, out).run();
    }

    int run() throws Exception {
        out.printf(
                "Bench conversation: %d customers, %d s, next message %d ms after the reply; platform in %s%n",
                settings.customers, settings.duration.toSeconds(), settings.think.toMillis(), options.dataDir());
        Process launcher = startPlatform();
        try (var stream = subscribe()) {
            List<Turn> warm = load(Math.min(settings.warmupCustomers, settings.customers), null, "warm-up");
            out.printf(
                    "  warm-up: %d messages, %d lost, %d scripts broken%n",
                    warm.size(), warm.stream().filter(Turn::lost).count(), broken.size());
            broken.clear();

            // the baseline in the same run: the path's floor, one greeting at a time at a low rate
            double loadBefore = loadAverage();
            List<Turn> floor = baseline();
            out.printf("  baseline: %d greetings at %.1f/s%n", floor.size(), settings.baselineRate);

            long duplicatesBefore = duplicated.get();
            long lateBefore = late.get();
            var cpuBefore = cpu(launcher);
            long loadStarted = System.nanoTime();
            List<Turn> turns = load(settings.customers, settings.duration, "load");
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            var cpuAfter = cpu(launcher);
            double loadAfter = loadAverage();
            report(
                    floor,
                    turns,
                    duplicated.get() - duplicatesBefore,
                    late.get() - lateBefore,
                    cpuBefore,
                    cpuAfter,
                    loadSeconds,
                    loadBefore,
                    loadAfter);
        } finally {
            stopPlatform(launcher);
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the platform

    private Process startPlatform() throws Exception {
        LauncherBench.deleteRecursively(options.dataDir());
        Files.createDirectories(options.logDir());
        Path console = options.logDir().resolve("bench-conversation-launcher.log");
        List<String> command = new ArrayList<>(List.of(
                ServiceProcess.javaBinary(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                LauncherBench.selfJar().toString(),
                "up",
                "--repo",
                options.repo().toString(),
                "--data-dir",
                options.dataDir().toString(),
                "--port-offset",
                Integer.toString(options.portOffset()),
                "--health-timeout",
                Long.toString(options.healthTimeout().toSeconds())));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        // Meta delivers webhooks concurrently; the simulator's default (4 in flight) is sized for a person on the
        // chat page, and at ~90 messages/s plus three status webhooks per reply it would queue them
        builder.environment().put("SIMULATOR_WEBHOOK_CONCURRENCY", Integer.toString(settings.webhookConcurrency));
        long started = System.nanoTime();
        Process launcher = builder.start();
        out.println("  starting the platform (" + console + ")…");
        long deadline = started
                + options.healthTimeout().toNanos()
                + Duration.ofMinutes(3).toNanos();
        while (true) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The launcher exited; see " + console);
            }
            var state = PlatformState.read(options.stateFile());
            if (state.isPresent() && Files.readString(console).contains("WPFoods is up after")) {
                if (!state.get().phase().equals("up")) {
                    stopPlatform(launcher);
                    throw new IllegalStateException(
                            "Not every service is healthy (" + state.get().phase() + "); see " + console);
                }
                break;
            }
            if (System.nanoTime() > deadline) {
                stopPlatform(launcher);
                throw new IllegalStateException("The platform did not come up; see " + console);
            }
            Thread.sleep(500);
        }
        out.printf("  platform up and seeded after %.1f s%n", (System.nanoTime() - started) / 1e9);
        return launcher;
    }

    private void stopPlatform(Process launcher) throws InterruptedException {
        List<ProcessHandle> before = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        before.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the simulator's timing stream

    /** Reads {@code GET /sim/api/timings} on its own thread: replies go to their customer's mailbox. */
    private AutoCloseable subscribe() throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(simulator + "/timings"))
                .header("Accept", "text/event-stream")
                .build();
        var subscribed = new java.util.concurrent.CountDownLatch(1);
        var reading = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    String[] event = {""};
                    response.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            event[0] = line.substring("event:".length()).strip();
                        } else if (line.startsWith("data:")) {
                            timing(event[0], line.substring("data:".length()), subscribed);
                        }
                    });
                });
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The simulator's timing stream did not answer");
        }
        return () -> reading.cancel(true);
    }

    private void timing(String event, String data, java.util.concurrent.CountDownLatch subscribed) {
        switch (event) {
            case "subscribed" -> subscribed.countDown();
            case "inbound" -> {
                JsonNode json = JSON.readTree(data);
                webhookAnsweredAt.putIfAbsent(
                        json.path("messageId").asString(),
                        json.path("deliveredAtMs").asLong());
            }
            case "reply" -> {
                JsonNode json = JSON.readTree(data);
                String to = json.path("to").asString();
                BlockingQueue<Reply> mailbox = mailboxes.get(to);
                if (mailbox == null) {
                    return; // a restaurant's or a rapitendero's message: not one of the bench's customers
                }
                JsonNode body = JSON.readTree(json.path("body").asString());
                String callback = body.path("biz_opaque_callback_data").asString("");
                if (!callback.isEmpty() && !callbacksSeen.add(to + "|" + callback)) {
                    duplicated.incrementAndGet();
                    return;
                }
                mailbox.add(new Reply(to, json.path("receivedAtMs").asLong(), callback, body));
            }
            default -> {
                // an event a later simulator adds
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // customers

    /** A new customer with a number no earlier run used. */
    private String newCustomer(String phase) throws IOException, InterruptedException {
        // 301 is a Colombian mobile prefix no demo number uses; every run starts on an empty data folder
        String waId = String.format(Locale.ROOT, "57301%07d", numbers.incrementAndGet());
        mailboxes.put(waId, new LinkedBlockingQueue<>());
        var created = post(
                "/phones",
                "{\"name\":\"Cliente " + phase + " " + waId.substring(5) + "\",\"number\":\"" + waId
                        + "\",\"role\":\"customer\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("The simulator refused a phone: " + created.body());
        }
        return waId;
    }

    /**
     * One message and its replies: waits for the first reply up to {@code --reply-timeout}, then for more until a
     * reply offers buttons or a list (every step of the conversation ends with one), at most 3 s after the last.
     */
    private Turn send(String waId, Kind kind, String label, ObjectNode message, boolean measured)
            throws IOException, InterruptedException {
        BlockingQueue<Reply> mailbox = mailboxes.get(waId);
        // replies still arriving for an earlier message that was counted lost
        late.addAndGet(mailbox.size());
        mailbox.clear();
        long sentAt = System.currentTimeMillis();
        var response = post("/phones/" + waId + "/messages", JSON.writeValueAsString(message));
        if (response.statusCode() != 202) {
            throw new ScriptBroken(label + ": the simulator answered " + response.statusCode() + " " + response.body());
        }
        String messageId = JSON.readTree(response.body()).path("id").asString();
        List<Reply> replies = new ArrayList<>();
        long deadline = sentAt + settings.replyTimeout.toMillis();
        while (true) {
            long wait = replies.isEmpty() ? deadline - System.currentTimeMillis() : 3_000;
            Reply reply = wait <= 0 ? null : mailbox.poll(wait, TimeUnit.MILLISECONDS);
            if (reply == null) {
                break;
            }
            replies.add(reply);
            if (reply.interactive()) {
                break;
            }
        }
        boolean understood =
                kind != Kind.ORDER || replies.stream().anyMatch(r -> r.text().contains("Agregué"));
        return new Turn(kind, label, sentAt, messageId, List.copyOf(replies), measured, understood);
    }

    /** The demo script of one new customer, from "hola" to a placed order. */
    private void script(String phase, int index, Predicate<Long> measuring, List<Turn> turns)
            throws IOException, InterruptedException {
        String waId = newCustomer(phase);
        Turn turn;
        turn = next(waId, Kind.SIMPLE, "hola", text("hola"), measuring, turns, null);
        turn = next(waId, Kind.SIMPLE, "consent tap", tap(turn, "consent:yes"), measuring, turns, turn);
        turn = next(waId, Kind.SIMPLE, "location", location(), measuring, turns, turn);
        String restaurant = turn.last().rowTitled("La Fonda Paisa");
        if (restaurant == null) {
            throw new ScriptBroken(
                    "no La Fonda Paisa in the restaurant list: " + turn.last().text());
        }
        turn = next(waId, Kind.SIMPLE, "restaurant tap", listReply(restaurant), measuring, turns, turn);
        turn = next(waId, Kind.ORDER, "typed order", text(ORDERS.get(index % ORDERS.size())), measuring, turns, turn);
        if (!turn.understood()) {
            // answered with the step's buttons (ai-service slower than order-service's timeout, or unsure): the
            // customer goes on by taps, as a person would — a dish from the menu the reply offers
            for (int taps = 0; !turn.last().choices().contains("cart:checkout"); taps++) {
                String add = turn.last().choices().stream()
                        .filter(id -> id.startsWith("add:"))
                        .findFirst()
                        .orElse(null);
                if (add == null || taps == 3) {
                    throw new ScriptBroken("the typed order was answered without a cart or a dish to tap: "
                            + turn.last().text());
                }
                turn = next(waId, Kind.SIMPLE, "dish tap", tap(turn, add), measuring, turns, turn);
            }
        }
        turn = next(waId, Kind.SIMPLE, "ver carrito", text("ver carrito"), measuring, turns, turn);
        turn = next(waId, Kind.SIMPLE, "pay tap", tap(turn, "cart:checkout"), measuring, turns, turn);
        if (turn.last().choices().contains("addr:ok")) {
            turn = next(waId, Kind.SIMPLE, "address tap", tap(turn, "addr:ok"), measuring, turns, turn);
        }
        turn = next(waId, Kind.SIMPLE, "cash tap", tap(turn, "pay:cash"), measuring, turns, turn);
        String confirm = turn.last().choices().stream()
                .filter(id -> id.startsWith("sum:") && id.endsWith(":confirm"))
                .findFirst()
                .orElseThrow(() -> new ScriptBroken("no Confirm button in the summary"));
        next(waId, Kind.SIMPLE, "confirm tap", buttonReply(confirm), measuring, turns, turn);
        mailboxes.remove(waId);
    }

    /** Sends one message {@code --think-ms} after the previous turn's last reply (at once for the first). */
    private Turn next(
            String waId,
            Kind kind,
            String label,
            ObjectNode message,
            Predicate<Long> measuring,
            List<Turn> turns,
            Turn previous)
            throws IOException, InterruptedException {
        if (previous != null) {
            long at = previous.replies().getLast().receivedAtMs() + settings.think.toMillis();
            long wait = at - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        Turn turn = send(waId, kind, label, message, measuring.test(System.currentTimeMillis()));
        synchronized (turns) {
            turns.add(turn);
        }
        if (turn.lost()) {
            throw new ScriptBroken(label + ": no reply within " + settings.replyTimeout.toSeconds() + " s");
        }
        return turn;
    }

    /**
     * {@code customers} virtual customers at once, each running the script again as a new customer when it ends; with
     * a duration, turns sent after the ramp-up (one think time, customers start spread over it) and before the end
     * are measured; without one, each runs the script once, unmeasured.
     */
    private List<Turn> load(int customers, Duration duration, String phase) throws InterruptedException {
        List<Turn> turns = new ArrayList<>();
        long start = System.currentTimeMillis();
        long measureFrom = start + settings.think.toMillis() + 1_000;
        long end = duration == null ? Long.MAX_VALUE : measureFrom + duration.toMillis();
        Predicate<Long> measuring = at -> duration != null && at >= measureFrom && at < end;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < customers; c++) {
                int customer = c;
                long startAt = start + settings.think.toMillis() * c / customers;
                pool.execute(() -> {
                    try {
                        Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
                        int round = 0;
                        do {
                            try {
                                script(phase, customer + round * customers, measuring, turns);
                            } catch (ScriptBroken e) {
                                broken.add(e.getMessage());
                            }
                            round++;
                        } while (System.currentTimeMillis() < end && duration != null);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException | RuntimeException e) {
                        broken.add(e.toString());
                    }
                });
            }
        }
        if (duration != null) {
            out.printf("  %s: %d messages sent, %d scripts broken%n", phase, turns.size(), broken.size());
        }
        return turns;
    }

    /** Fresh customers saying "hola", one every {@code 1 / --baseline-rate} s: the floor of the path. */
    private List<Turn> baseline() throws InterruptedException {
        List<Turn> turns = new ArrayList<>();
        long interval = (long) (1000 / settings.baselineRate);
        long start = System.currentTimeMillis();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < settings.baselineMessages; i++) {
                long at = start + i * interval;
                pool.execute(() -> {
                    try {
                        String waId = newCustomer("base");
                        Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
                        Turn turn = send(waId, Kind.SIMPLE, "hola", text("hola"), true);
                        synchronized (turns) {
                            turns.add(turn);
                        }
                        mailboxes.remove(waId);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException | RuntimeException e) {
                        broken.add("baseline: " + e);
                    }
                });
            }
        }
        return turns;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // figures

    private void report(
            List<Turn> floor,
            List<Turn> all,
            long duplicates,
            long lateReplies,
            Map<String, Long> cpuBefore,
            Map<String, Long> cpuAfter,
            double loadSeconds,
            double loadBefore,
            double loadAfter) {
        List<Turn> measured = all.stream().filter(Turn::measured).toList();
        List<Turn> answered = measured.stream().filter(t -> !t.lost()).toList();
        long lost = measured.size() - answered.size();
        long[] simple = sorted(answered, Kind.SIMPLE, Turn::firstReplyMs);
        long[] order = sorted(answered, Kind.ORDER, Turn::firstReplyMs);
        long[] simpleLast = sorted(answered, Kind.SIMPLE, Turn::lastReplyMs);
        long[] simpleFromWebhook = sorted(answered, Kind.SIMPLE, this::fromWebhookMs);
        long notUnderstood = measured.stream()
                .filter(t -> t.kind() == Kind.ORDER && !t.lost() && !t.understood())
                .count();
        List<Turn> floorAnswered = floor.stream().filter(t -> !t.lost()).toList();
        long[] base = sorted(floorAnswered, Kind.SIMPLE, Turn::firstReplyMs);
        long[] baseFromWebhook = sorted(floorAnswered, Kind.SIMPLE, this::fromWebhookMs);
        double measuredSeconds = settings.duration.toMillis() / 1000.0;
        double rate = measured.size() / measuredSeconds;

        Map<String, Double> cpuPerMessage = new HashMap<>();
        long messages = Math.max(1, all.size());
        cpuAfter.forEach(
                (name, nanos) -> cpuPerMessage.put(name, (nanos - cpuBefore.getOrDefault(name, 0L)) / 1e6 / messages));
        double busy = cpuAfter.getOrDefault("machine busy", 0L) - cpuBefore.getOrDefault("machine busy", 0L);
        double total = cpuAfter.getOrDefault("machine total", 0L) - cpuBefore.getOrDefault("machine total", 0L);
        double busyPct = total > 0 ? 100 * busy / total : Double.NaN;

        String note = String.format(
                Locale.ROOT,
                "%d customers, think %d ms, %.1f msg/s achieved over %.0f s (%d measured messages, %d simple, %d"
                        + " typed orders, %d not understood), %d late replies, %d scripts broken; baseline %d"
                        + " greetings at %.1f/s; simulator webhook concurrency %d; machine busy %.0f %% during the"
                        + " load; load average %.2f before, %.2f after; 2-core shared machine",
                settings.customers,
                settings.think.toMillis(),
                rate,
                measuredSeconds,
                measured.size(),
                simple.length,
                order.length,
                notUnderstood,
                lateReplies,
                broken.size(),
                floor.size(),
                settings.baselineRate,
                settings.webhookConcurrency,
                busyPct,
                loadBefore,
                loadAfter);
        var log = new BenchmarkLog("conversation", COMMAND + " " + commandLine(), options.repo());
        log.record("simple_p50_ms", BenchmarkLog.percentile(simple, 50), "ms", note);
        log.record("simple_p95_ms", BenchmarkLog.percentile(simple, 95), "ms", note);
        log.record("simple_p99_ms", BenchmarkLog.percentile(simple, 99), "ms", note);
        log.record("order_p95_ms", BenchmarkLog.percentile(order, 95), "ms", note);
        log.record("order_p50_ms", BenchmarkLog.percentile(order, 50), "ms", note);
        log.record("simple_last_reply_p95_ms", BenchmarkLog.percentile(simpleLast, 95), "ms", note);
        log.record("simple_webhook_to_graph_p50_ms", BenchmarkLog.percentile(simpleFromWebhook, 50), "ms", note);
        log.record("simple_webhook_to_graph_p95_ms", BenchmarkLog.percentile(simpleFromWebhook, 95), "ms", note);
        log.record("baseline_p50_ms", BenchmarkLog.percentile(base, 50), "ms", note);
        log.record("baseline_p95_ms", BenchmarkLog.percentile(base, 95), "ms", note);
        log.record("baseline_webhook_to_graph_p50_ms", BenchmarkLog.percentile(baseFromWebhook, 50), "ms", note);
        log.record("baseline_webhook_to_graph_p95_ms", BenchmarkLog.percentile(baseFromWebhook, 95), "ms", note);
        log.record(
                "ratio_simple_p95_to_baseline_p95",
                BenchmarkLog.percentile(simple, 95) / BenchmarkLog.percentile(base, 95),
                "ratio",
                note);
        log.record("messages_per_s", rate, "msg/s", note);
        log.record("lost", lost + (floor.size() - floorAnswered.size()), "replies", note);
        log.record("duplicated", duplicates, "replies", note);
        log.record("orders_not_understood", notUnderstood, "messages", note);
        out.println(note);
        out.printf("CPU per message during the load (ms; %d messages in %.0f s):%n", messages, loadSeconds);
        cpuPerMessage.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("machine"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.printf("  %-28s %8.2f%n", e.getKey(), e.getValue()));
        if (!broken.isEmpty()) {
            out.println("Scripts broken (first 10):");
            broken.stream().limit(10).forEach(b -> out.println("  " + b));
        }
        out.println("Appended to " + log.file());
    }

    private long fromWebhookMs(Turn turn) {
        Long answered = webhookAnsweredAt.get(turn.messageId());
        return answered == null ? -1 : turn.replies().getFirst().receivedAtMs() - answered;
    }

    private static long[] sorted(List<Turn> turns, Kind kind, java.util.function.ToLongFunction<Turn> value) {
        return turns.stream()
                .filter(t -> t.kind() == kind)
                .mapToLong(value)
                .filter(v -> v >= 0)
                .sorted()
                .toArray();
    }

    private String commandLine() {
        return String.format(
                Locale.ROOT,
                "--customers %d --duration %d --think-ms %d --baseline %d --baseline-rate %s --webhook-concurrency %d",
                settings.customers,
                settings.duration.toSeconds(),
                settings.think.toMillis(),
                settings.baselineMessages,
                settings.baselineRate,
                settings.webhookConcurrency);
    }

    /** CPU time so far of each service JVM, the launcher (Kafka), PostgreSQL, this bench, and the machine. */
    private Map<String, Long> cpu(Process launcher) {
        Map<Long, String> names = new HashMap<>();
        names.put(launcher.pid(), "launcher (Kafka)");
        names.put(ProcessHandle.current().pid(), "bench client");
        for (ProcessHandle child : launcher.descendants().toList()) {
            child.info()
                    .arguments()
                    .flatMap(arguments -> Arrays.stream(arguments)
                            .filter(a -> a.startsWith(ServiceProcess.SERVICE_PROPERTY))
                            .map(a -> a.substring(a.indexOf('=') + 1))
                            .findFirst())
                    .ifPresent(name -> names.put(child.pid(), name));
        }
        LauncherBench.postgresProcesses(options.dataDir().resolve("postgres"))
                .forEach(p -> names.put(p.pid(), "postgres (all)"));
        Map<String, Long> cpu = new HashMap<>();
        for (ProcCpu.Task task : ProcCpu.processes()) {
            String name = names.get(task.id());
            if (name != null) {
                cpu.merge(name, task.cpuNanos(), Long::sum);
            }
        }
        var machine = ProcCpu.machine();
        cpu.put("machine busy", machine.busyNanos());
        cpu.put("machine total", machine.totalNanos());
        return cpu;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // messages, as the simulator's REST API takes them

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(simulator + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode text(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }

    static ObjectNode location() {
        return JSON.createObjectNode()
                .put("type", "location")
                .put("latitude", LATITUDE)
                .put("longitude", LONGITUDE)
                .put("name", "Chapinero")
                .put("address", "Cl. 60 #9-83, Bogotá");
    }

    static ObjectNode buttonReply(String id) {
        return JSON.createObjectNode().put("type", "button_reply").put("id", id);
    }

    static ObjectNode listReply(String id) {
        return JSON.createObjectNode().put("type", "list_reply").put("id", id);
    }

    /** Taps {@code id} on the previous turn's last reply; the script is broken when that reply does not offer it. */
    static ObjectNode tap(Turn previous, String id) {
        List<String> choices = previous.last().choices();
        if (!choices.contains(id)) {
            throw new ScriptBroken(previous.label() + " → no " + id + " to tap (offered " + choices + "): "
                    + previous.last().text());
        }
        boolean row = previous.last()
                .body()
                .path("interactive")
                .path("type")
                .asString("")
                .equals("list");
        return row ? listReply(id) : buttonReply(id);
    }
}
