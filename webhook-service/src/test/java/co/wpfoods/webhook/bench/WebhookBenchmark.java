package co.wpfoods.webhook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.bench.BenchmarkLog;
import co.wpfoods.testing.bench.ProcCpu;
import co.wpfoods.webhook.WebhookServiceApplication;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Bench {@code webhook}: signed single-message webhooks through the real gateway (its jar, as a process) to
 * webhook-service (in this JVM, on embedded PostgreSQL and the in-process KRaft broker), and in the same run the
 * same load against a bare Reactor Netty server answering 200 (the baseline). Reports requests/s, p50/p95/p99 of
 * the answer Meta would wait for, and records on Kafka vs 200s (lost / duplicated); appends JSON lines to
 * {@code docs/benchmarks.jsonl}. Run it with the command in the module README; it never runs in the normal build.
 */
@EnabledIfSystemProperty(named = "wpfoods.bench", matches = "true")
class WebhookBenchmark {

    static final String SECRET = "bench-app-secret";
    static final String COMMAND =
            "./mvnw -B -q -pl webhook-service test -Dtest=WebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dwpfoods.bench=true";

    final int warmup = Integer.getInteger("wpfoods.bench.warmup", 60_000);
    final int rounds = Integer.getInteger("wpfoods.bench.rounds", 5);
    final Duration roundLength = Duration.ofSeconds(Long.getLong("wpfoods.bench.round-seconds", 5));
    final int concurrency = Integer.getInteger("wpfoods.bench.concurrency", 32);
    final int senders = Integer.getInteger("wpfoods.bench.senders", 2_000);
    final Duration maxRun = Duration.ofSeconds(Long.getLong("wpfoods.bench.max-seconds", 120));
    /** Also measure the gateway forwarding to the bare server (a second gateway process): the gateway's own ceiling. */
    final boolean gatewayOnly = Boolean.getBoolean("wpfoods.bench.gateway-only");

    final Path repository = Path.of(System.getProperty("wpfoods.bench.repo", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void webhook() throws Exception {
        String database = PostgresServer.shared().createDatabase("webhook_bench");
        String kafka = KafkaServer.shared().bootstrapServers();
        ConfigurableApplicationContext service = new SpringApplicationBuilder(WebhookServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + PostgresServer.shared().jdbcUrl(database),
                        "--spring.datasource.username=" + PostgresServer.USER,
                        "--spring.datasource.password=" + PostgresServer.PASSWORD,
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--logging.level.root=WARN");
        int servicePort = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        int gatewayPort = freePort();
        Process gateway = startGateway(gatewayPort, servicePort);
        DisposableServer bare = HttpServer.create()
                .host("localhost")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .then(Mono.from(response.status(200).send())))
                .bindNow();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            awaitUp(http, "http://localhost:" + gatewayPort + "/actuator/health");
            String run = Long.toHexString(System.currentTimeMillis());
            URI baselineUri = URI.create("http://localhost:" + bare.port() + "/webhooks/whatsapp");
            URI gatewayUri = URI.create("http://localhost:" + gatewayPort + "/webhooks/whatsapp");
            URI serviceUri = URI.create("http://localhost:" + servicePort + "/webhooks/whatsapp");

            // warm-ups: a fixed number of requests to each target, so the JIT compilers are done before measuring
            load(http, baselineUri, "W" + run + "b", warmup, maxRun);
            load(http, gatewayUri, "W" + run + "g", warmup, maxRun);

            // measured rounds, each phase the same length, alternating which goes first (B G, G B, B G, …) so
            // neither always follows the other (background work of a gateway phase — autovacuum, the outbox
            // relay's WAL sender, the broker's log — lands in both kinds of phase alike)
            List<Result> baselines = new ArrayList<>();
            List<Result> gateways = new ArrayList<>();
            Cpu baselineCpu = Cpu.ZERO;
            Cpu gatewayCpu = Cpu.ZERO;
            String jdbcUrl = PostgresServer.shared().jdbcUrl(database);
            PgStats pgBefore = PgStats.of(jdbcUrl, database);
            for (int round = 0; round < rounds; round++) {
                for (boolean baselineTurn :
                        round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    Cpu before = Cpu.now(gateway);
                    if (baselineTurn) {
                        baselines.add(
                                load(http, baselineUri, "R" + run + "b" + round + "_", Integer.MAX_VALUE, roundLength));
                        baselineCpu = baselineCpu.plus(Cpu.now(gateway).minus(before));
                    } else {
                        gateways.add(
                                load(http, gatewayUri, "R" + run + "g" + round + "_", Integer.MAX_VALUE, roundLength));
                        gatewayCpu = gatewayCpu.plus(Cpu.now(gateway).minus(before));
                    }
                }
                Result b = baselines.get(round);
                Result g = gateways.get(round);
                System.out.printf(
                        Locale.ROOT,
                        "webhook round %d (%s first): baseline %.0f req/s (p50 %.2f ms, p99 %.2f ms), gateway %.0f"
                                + " req/s (p50 %.2f ms, p99 %.2f ms, %d not 200), ratio %.3f%n",
                        round + 1,
                        round % 2 == 0 ? "baseline" : "gateway",
                        b.requestsPerSecond(),
                        b.percentileMs(50),
                        b.percentileMs(99),
                        g.requestsPerSecond(),
                        g.percentileMs(50),
                        g.percentileMs(99),
                        g.failed(),
                        g.requestsPerSecond() / b.requestsPerSecond());
            }
            PgStats pgRounds = PgStats.of(jdbcUrl, database).minus(pgBefore);
            // the service alone (no gateway hop), to tell where the time goes
            Cpu beforeDirect = Cpu.now(gateway);
            Result direct = load(http, serviceUri, "R" + run + "d", Integer.MAX_VALUE, roundLength);
            Cpu directCpu = Cpu.now(gateway).minus(beforeDirect);

            Result gatewayAlone = null;
            Cpu gatewayAloneCpu = null;
            if (gatewayOnly) {
                int port = freePort();
                Process gatewayToBare = startGateway(port, bare.port());
                try {
                    awaitUp(http, "http://localhost:" + port + "/actuator/health");
                    URI uri = URI.create("http://localhost:" + port + "/webhooks/whatsapp");
                    load(http, uri, "W" + run + "o", warmup, maxRun);
                    Cpu before = Cpu.now(gatewayToBare);
                    gatewayAlone = load(http, uri, "R" + run + "o", Integer.MAX_VALUE, roundLength);
                    gatewayAloneCpu = Cpu.now(gatewayToBare).minus(before);
                } finally {
                    gatewayToBare.destroy();
                }
            }

            Result baseline = Result.pooled(baselines);
            Result webhook = Result.pooled(gateways);
            baselineCpu.print("baseline", baseline);
            gatewayCpu.print("gateway path", webhook);
            directCpu.print("service alone", direct);
            if (gatewayAlone != null) {
                gatewayAloneCpu.print("gateway->bare", gatewayAlone);
            }
            pgRounds.print(webhook);
            KafkaCount onKafka = countOnKafka(kafka, "R" + run + "g", webhook);

            double reqS = median(gateways);
            double baselineReqS = median(baselines);
            double[] roundRatios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                roundRatios[r] =
                        gateways.get(r).requestsPerSecond() / baselines.get(r).requestsPerSecond();
            }
            Arrays.sort(roundRatios);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("req_s", reqS);
            metrics.put("baseline_req_s", baselineReqS);
            metrics.put("ratio_to_baseline", reqS / baselineReqS);
            metrics.put("p50_ms", webhook.percentileMs(50));
            metrics.put("p95_ms", webhook.percentileMs(95));
            metrics.put("p99_ms", webhook.percentileMs(99));
            metrics.put("lost", (double) onKafka.lost());
            metrics.put("duplicated", (double) onKafka.duplicated());
            metrics.put("round_ratio_min", roundRatios[0]);
            metrics.put("round_ratio_max", roundRatios[rounds - 1]);
            metrics.put("baseline_p50_ms", baseline.percentileMs(50));
            metrics.put("baseline_p99_ms", baseline.percentileMs(99));
            metrics.put("ok_responses", (double) webhook.ok());
            metrics.put("non_200_responses", (double) webhook.failed());
            metrics.put("kafka_records", (double) onKafka.records());
            metrics.put("cpu_us_per_req", gatewayCpu.perRequestUs(webhook));
            metrics.put("baseline_cpu_us_per_req", baselineCpu.perRequestUs(baseline));
            metrics.put("pg_transactions_per_req", pgRounds.commits() / (double) (webhook.ok() + webhook.failed()));
            metrics.put("service_direct_req_s", direct.requestsPerSecond());
            metrics.put("service_direct_p50_ms", direct.percentileMs(50));
            metrics.put("service_direct_p99_ms", direct.percentileMs(99));
            if (gatewayAlone != null) {
                metrics.put("gateway_only_req_s", gatewayAlone.requestsPerSecond());
                metrics.put("gateway_only_ratio_to_baseline", gatewayAlone.requestsPerSecond() / baselineReqS);
                metrics.put("gateway_only_p50_ms", gatewayAlone.percentileMs(50));
                metrics.put("gateway_only_cpu_us_per_req", gatewayAloneCpu.perRequestUs(gatewayAlone));
            }
            BenchmarkLog log = new BenchmarkLog("webhook", command());
            metrics.forEach((name, value) -> {
                if (Double.isFinite(value)) {
                    log.record(name, value, unitOf(name));
                }
            });
            assertThat(webhook.ok()).isPositive();
        } finally {
            gateway.destroy();
            bare.disposeNow();
            service.close();
        }
    }

    /** The command with the settings this run used (the log line has no other place for them). */
    String command() {
        return COMMAND
                + String.format(
                        Locale.ROOT,
                        " -Dwpfoods.bench.rounds=%d -Dwpfoods.bench.round-seconds=%d -Dwpfoods.bench.warmup=%d"
                                + " -Dwpfoods.bench.concurrency=%d -Dwpfoods.bench.senders=%d",
                        rounds,
                        roundLength.toSeconds(),
                        warmup,
                        concurrency,
                        senders)
                + (gatewayOnly ? " -Dwpfoods.bench.gateway-only=true" : "");
    }

    static double median(List<Result> results) {
        double[] rates =
                results.stream().mapToDouble(Result::requestsPerSecond).sorted().toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    /**
     * Sends signed single-text webhooks with {@code concurrency} clients until {@code count} were sent or
     * {@code length} has passed, whichever comes first (a client that is mid-request finishes it).
     */
    Result load(HttpClient http, URI uri, String tag, int count, Duration length) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[][] latenciesByClient = new long[concurrency][];
        Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        long stopAt = started + length.toNanos();
        AtomicLong finished = new AtomicLong();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            Thread.ofVirtual().start(() -> {
                long[] latencies = new long[1024];
                int measured = 0;
                try {
                    int i;
                    while (System.nanoTime() - stopAt < 0 && (i = next.getAndIncrement()) < count) {
                        String wamid = "wamid.BENCH" + tag + "_" + i;
                        byte[] body = payload(wamid, sender(i), i);
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", "sha256=" + hmac(body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (measured == latencies.length) {
                                latencies = Arrays.copyOf(latencies, measured * 2);
                            }
                            latencies[measured++] = System.nanoTime() - t0;
                            if (status == 200) {
                                ok.incrementAndGet();
                                acceptedIds.add(wamid);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latenciesByClient[client] = Arrays.copyOf(latencies, measured);
                    finished.accumulateAndGet(System.nanoTime(), Math::max);
                    done.countDown();
                }
            });
        }
        done.await();
        long elapsed = finished.get() - started;
        long[] measured = Arrays.stream(latenciesByClient)
                .flatMapToLong(Arrays::stream)
                .sorted()
                .toArray();
        return new Result(ok.get(), failed.get(), elapsed, measured, acceptedIds);
    }

    record Result(int ok, int failed, long elapsedNanos, long[] sortedLatencies, Set<String> acceptedIds) {
        double requestsPerSecond() {
            return (ok + failed) / (elapsedNanos / 1e9);
        }

        double percentileMs(int p) {
            return BenchmarkLog.percentile(sortedLatencies, p) / 1e6;
        }

        /** Several phases as one: their requests, time, latencies and accepted ids together. */
        static Result pooled(List<Result> results) {
            Set<String> ids = new HashSet<>();
            results.forEach(r -> ids.addAll(r.acceptedIds()));
            return new Result(
                    results.stream().mapToInt(Result::ok).sum(),
                    results.stream().mapToInt(Result::failed).sum(),
                    results.stream().mapToLong(Result::elapsedNanos).sum(),
                    results.stream()
                            .flatMapToLong(r -> Arrays.stream(r.sortedLatencies()))
                            .sorted()
                            .toArray(),
                    ids);
        }
    }

    /**
     * The bench database's counters ({@code pg_stat_database}: committed transactions, rows written) and the
     * server's WAL position. Taken around the measured rounds (the baseline rounds write nothing there), they say
     * how many POSTs a group-commit transaction carried and what each POST wrote. PostgreSQL publishes a backend's
     * counters about once a second, so each end of the interval is off by up to a second of traffic.
     */
    record PgStats(long commits, long inserted, long updated, long walBytes) {
        static PgStats of(String jdbcUrl, String database) throws java.sql.SQLException {
            try (var connection = java.sql.DriverManager.getConnection(
                            jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                    var statement = connection.prepareStatement(
                            "SELECT xact_commit, tup_inserted, tup_updated, pg_current_wal_lsn() - '0/0'::pg_lsn"
                                    + " FROM pg_stat_database WHERE datname = ?")) {
                statement.setString(1, database);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return new PgStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        }

        PgStats minus(PgStats before) {
            return new PgStats(
                    commits - before.commits,
                    inserted - before.inserted,
                    updated - before.updated,
                    walBytes - before.walBytes);
        }

        void print(Result gatewayRounds) {
            double n = gatewayRounds.ok() + gatewayRounds.failed();
            System.out.printf(
                    Locale.ROOT,
                    "webhook postgres during the rounds, per gateway request: %.3f transactions (%.1f POSTs per"
                            + " transaction), %.2f rows inserted, %.2f rows updated, %.0f bytes of WAL%n",
                    commits / n,
                    n / commits,
                    inserted / n,
                    updated / n,
                    walBytes / n);
        }
    }

    record KafkaCount(long records, long lost, long duplicated) {}

    /**
     * CPU time (ns) used so far by this JVM (load generator, webhook-service, Kafka broker, bare server), by the
     * gateway process, by every {@code postgres} process, and by the whole machine (busy and total, from
     * {@code /proc/stat}); the difference of two snapshots tells where a phase's CPU went.
     */
    record Cpu(
            long jvm,
            long gateway,
            long postgres,
            long machineBusy,
            long machineTotal,
            long wall,
            long jvmJit,
            long jvmGc,
            long gatewayJit,
            long gatewayGc) {
        static final Cpu ZERO = new Cpu(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Cpu now(Process gateway) {
            long jvm = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long postgres = 0;
            long gatewayCpu = 0;
            for (ProcCpu.Task process : ProcCpu.processes()) {
                if (process.id() == gateway.pid()) {
                    gatewayCpu = process.cpuNanos();
                } else if (process.name().equals("postgres")) {
                    postgres += process.cpuNanos();
                }
            }
            ProcCpu.Machine machine = ProcCpu.machine();
            long[] jvmThreads = jitAndGc(ProcessHandle.current().pid());
            long[] gatewayThreads = jitAndGc(gateway.pid());
            return new Cpu(
                    jvm,
                    gatewayCpu,
                    postgres,
                    machine.busyNanos(),
                    machine.totalNanos(),
                    System.nanoTime(),
                    jvmThreads[0],
                    jvmThreads[1],
                    gatewayThreads[0],
                    gatewayThreads[1]);
        }

        /** CPU time of a JVM's JIT compiler threads and of its garbage collector threads. */
        static long[] jitAndGc(long pid) {
            long jit = 0;
            long gc = 0;
            for (ProcCpu.Task thread : ProcCpu.threadsOf(pid)) {
                if (thread.name().contains("CompilerThre")) {
                    jit += thread.cpuNanos();
                } else if (thread.name().startsWith("GC Thread")
                        || thread.name().startsWith("G1 ")) {
                    gc += thread.cpuNanos();
                }
            }
            return new long[] {jit, gc};
        }

        Cpu minus(Cpu before) {
            return new Cpu(
                    jvm - before.jvm,
                    gateway - before.gateway,
                    postgres - before.postgres,
                    machineBusy - before.machineBusy,
                    machineTotal - before.machineTotal,
                    wall - before.wall,
                    jvmJit - before.jvmJit,
                    jvmGc - before.jvmGc,
                    gatewayJit - before.gatewayJit,
                    gatewayGc - before.gatewayGc);
        }

        Cpu plus(Cpu other) {
            return new Cpu(
                    jvm + other.jvm,
                    gateway + other.gateway,
                    postgres + other.postgres,
                    machineBusy + other.machineBusy,
                    machineTotal + other.machineTotal,
                    wall + other.wall,
                    jvmJit + other.jvmJit,
                    jvmGc + other.jvmGc,
                    gatewayJit + other.gatewayJit,
                    gatewayGc + other.gatewayGc);
        }

        /** CPU of the test JVM, the gateway and PostgreSQL together, per request, in microseconds. */
        double perRequestUs(Result result) {
            return (jvm + gateway + postgres) / 1e3 / (result.ok() + result.failed());
        }

        void print(String phase, Result result) {
            double n = result.ok() + result.failed();
            long other = machineBusy - jvm - gateway - postgres;
            System.out.printf(
                    Locale.ROOT,
                    "webhook cpu %-13s per request: test JVM %.0f us (JIT %.0f, GC %.0f), gateway %.0f us (JIT %.0f,"
                            + " GC %.0f), postgres %.0f us, other %.0f us; machine busy %.0f %% of %.1f s%n",
                    phase,
                    jvm / 1e3 / n,
                    jvmJit / 1e3 / n,
                    jvmGc / 1e3 / n,
                    gateway / 1e3 / n,
                    gatewayJit / 1e3 / n,
                    gatewayGc / 1e3 / n,
                    postgres / 1e3 / n,
                    other / 1e3 / n,
                    machineTotal == 0 ? Double.NaN : 100.0 * machineBusy / machineTotal,
                    wall / 1e9);
        }
    }

    /** Reads the customer topic until every accepted message is there (or 60 s pass) and a little longer. */
    KafkaCount countOnKafka(String bootstrap, String tag, Result result) {
        String prefix = "wamid.BENCH" + tag;
        Map<String, Integer> seen = new HashMap<>();
        long records = 0;
        AvroSerde serde = AvroSerde.standard();
        try (var consumer = new KafkaTestConsumer(bootstrap, Topics.WhatsApp.INBOUND_CUSTOMER)) {
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            int read = 0;
            Instant quietSince = null;
            while (Instant.now().isBefore(until)) {
                var all = consumer.poll();
                for (int r = read; r < all.size(); r++) {
                    InboundMessage message = serde.decode(all.get(r).value(), InboundMessage.class);
                    if (message.getMessageId().startsWith(prefix)) {
                        seen.merge(message.getMessageId(), 1, Integer::sum);
                        records++;
                    }
                }
                boolean progressed = all.size() > read;
                read = all.size();
                if (seen.keySet().containsAll(result.acceptedIds())) {
                    if (progressed || quietSince == null) {
                        quietSince = Instant.now();
                    } else if (Duration.between(quietSince, Instant.now()).toSeconds() >= 3) {
                        break;
                    }
                }
            }
        }
        Set<String> missing = new HashSet<>(result.acceptedIds());
        missing.removeAll(seen.keySet());
        long duplicated = seen.values().stream().mapToLong(n -> n - 1).sum();
        return new KafkaCount(records, missing.size(), duplicated);
    }

    String sender(int i) {
        return "5730" + String.format(Locale.ROOT, "%08d", 10_000_000 + i % senders);
    }

    /** A text message as Meta sends it: envelope, sender contact, non-ASCII escaped. */
    static byte[] payload(String wamid, String from, int i) {
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":\
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"573150000000",\
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Camila Rojas"},\
                "wa_id":"%s"}],"messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text",\
                "text":{"body":"Hola, quiero una pizza margarita grande y una gaseosa, \\u00bfcu\\u00e1nto \
                demora? #%d"}}]},"field":"messages"}]}]}""".formatted(from, from, wamid, 1767225600 + i, i);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Process startGateway(int port, int servicePort) throws IOException {
        Path jar = Path.of(System.getProperty(
                "wpfoods.bench.gateway-jar",
                repository
                        .resolve("gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar")
                        .toString()));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "Build the gateway first: ./mvnw -B -q -pl gateway package -DskipTests (" + jar + " is missing)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        String jvmArgs = System.getProperty("wpfoods.bench.gateway-jvm-args", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.strip().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--wpfoods.gateway.services.webhook-service=http://localhost:" + servicePort,
                "--wpfoods.gateway.meta.app-secret=" + SECRET,
                "--wpfoods.gateway.meta.verify-token=bench-verify-token",
                "--logging.level.root=WARN",
                // the access log stays on, as in production: one line per request
                "--logging.level.co.wpfoods.gateway.access=INFO"));
        File log = Files.createTempFile("bench-gateway", ".log").toFile();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    static void awaitUp(HttpClient http, String url) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250); // polling a process we started; no event to wait on
        }
        throw new IllegalStateException("Gateway did not come up at " + url);
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String unitOf(String metric) {
        if (metric.endsWith("_ms")) {
            return "ms";
        }
        if (metric.endsWith("req_s")) {
            return "req/s";
        }
        if (metric.endsWith("_us_per_req")) {
            return "us";
        }
        if (metric.endsWith("_per_req")) {
            return "count";
        }
        return metric.contains("ratio") ? "ratio" : "count";
    }
}
