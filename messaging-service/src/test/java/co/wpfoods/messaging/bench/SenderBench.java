package co.wpfoods.messaging.bench;

import static org.awaitility.Awaitility.await;

import co.wpfoods.messaging.MessagingServiceApplication;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.serde.AvroSerializer;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Bench {@code sender}: commands to many recipients through a Graph stand-in that enforces Meta's limits, at 80 msg/s
 * (one replica) and 1,000 msg/s (two replicas). Run with
 * {@code ./mvnw -B -pl messaging-service test -Dtest=SenderBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.commands=20000 -Dbench.recipients=2000} by default). Appends to {@code docs/benchmarks.jsonl}.
 */
class SenderBench {

    static final String COMMAND =
            "./mvnw -B -pl messaging-service test -Dtest=SenderBench -Dsurefire.failIfNoSpecifiedTests=false";

    record Result(
            double rate,
            int replicas,
            int commands,
            double achievedRatio,
            double worstWindowOvershootPct,
            double limitErrorsPct,
            double p99QueueToSendMs,
            long lost,
            long duplicated,
            double seconds) {}

    @Test
    void sender() throws Exception {
        int commands = Integer.getInteger("bench.commands", 20_000);
        int recipients = Integer.getInteger("bench.recipients", 2_000);
        List<Result> results = new ArrayList<>();
        results.add(run(80, 1, commands, recipients));
        results.add(run(1000, 2, commands, recipients));
        results.forEach(r -> System.out.println("SENDER BENCH " + r));
        record(results);
    }

    private Result run(double rate, int replicaCount, int commands, int recipientCount) throws Exception {
        String database = PostgresServer.shared().createDatabase("sender_bench");
        List<ConfigurableApplicationContext> replicas = new ArrayList<>();
        try (GraphStandIn graph = new GraphStandIn(rate);
                KafkaProducer<String, SpecificRecord> producer = producer()) {
            for (int i = 0; i < replicaCount; i++) {
                replicas.add(start(database, graph.baseUrl(), rate, "bench-" + i));
            }
            replicas.forEach(SenderBench::awaitAssignment);
            JdbcClient jdbc = replicas.get(0).getBean(JdbcClient.class);
            String prefix = "57" + (rate >= 1000 ? "31" : "30") + System.nanoTime() % 1000;
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < recipientCount; i++) {
                recipients.add(prefix + String.format(Locale.ROOT, "%05d", i));
            }
            jdbc.sql("INSERT INTO customer_window (recipient, last_inbound_at) SELECT unnest(:r), now()")
                    .param("r", recipients.toArray(String[]::new))
                    .update();

            // warm-up, then the measured load: demand far above the rate
            int warm = (int) Math.min(rate * 2, 400);
            publish(producer, recipients, warm, "warm", 0);
            awaitAllDone(jdbc, "warm", warm, Duration.ofSeconds(120));
            graph.reset();
            long started = System.nanoTime();
            Set<String> published = publish(producer, recipients, commands, "load", 0);
            awaitAllDone(jdbc, "load", commands, Duration.ofSeconds((long) (commands / rate * 3 + 120)));
            double seconds = (System.nanoTime() - started) / 1e9;
            List<GraphStandIn.Arrival> arrivals = graph.arrivals();

            // under the limit: half the rate for about 5 s, queue-to-send latency
            graph.reset();
            int light = (int) (rate / 2 * 5);
            Set<String> lightIds = publish(producer, recipients, light, "light", rate / 2);
            awaitAllDone(jdbc, "light", light, Duration.ofSeconds(120));
            System.out.println("SENDER BENCH light phase p99 waiting/sending ms: "
                    + jdbc.sql("""
                            SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sending_at - enqueued_at) * 1000)
                                   || ' / ' ||
                                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - sending_at) * 1000)
                            FROM outbound_message WHERE correlation_id = 'bench:light'
                            """).query(String.class).single());
            double p99 = jdbc.sql("""
                            SELECT coalesce(percentile_cont(0.99) WITHIN GROUP (
                                ORDER BY extract(epoch FROM accepted_at - enqueued_at) * 1000), -1)
                            FROM outbound_message WHERE command_id = ANY(:ids)
                            """)
                    .param("ids", lightIds.toArray(String[]::new))
                    .query(Double.class)
                    .single();
            return summarize(rate, replicaCount, commands, published, arrivals, p99, seconds);
        } finally {
            replicas.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static Result summarize(
            double rate,
            int replicas,
            int commands,
            Set<String> published,
            List<GraphStandIn.Arrival> arrivals,
            double p99,
            double seconds) {
        List<Long> times =
                arrivals.stream().map(GraphStandIn.Arrival::nanos).sorted().toList();
        int worst = worstWindow(times);
        long limitErrors = arrivals.stream().filter(a -> a.code() != 0).count();
        Map<String, Integer> acceptedById = new HashMap<>();
        long firstAccepted = Long.MAX_VALUE;
        long lastAccepted = Long.MIN_VALUE;
        for (GraphStandIn.Arrival a : arrivals) {
            if (a.code() == 0) {
                acceptedById.merge(a.commandId(), 1, Integer::sum);
                firstAccepted = Math.min(firstAccepted, a.nanos());
                lastAccepted = Math.max(lastAccepted, a.nanos());
            }
        }
        long accepted =
                acceptedById.values().stream().mapToLong(Integer::longValue).sum();
        long lost =
                published.stream().filter(id -> !acceptedById.containsKey(id)).count();
        long duplicated = accepted - acceptedById.size();
        double achieved = (accepted - 1) / ((lastAccepted - firstAccepted) / 1e9) / rate;
        return new Result(
                rate,
                replicas,
                commands,
                achieved,
                Math.max(0, (worst - rate) / rate * 100),
                arrivals.isEmpty() ? 0 : limitErrors * 100.0 / arrivals.size(),
                p99,
                lost,
                duplicated,
                seconds);
    }

    static int worstWindow(List<Long> sortedNanos) {
        int worst = 0;
        int start = 0;
        for (int end = 0; end < sortedNanos.size(); end++) {
            while (sortedNanos.get(end) - sortedNanos.get(start) >= 1_000_000_000L) {
                start++;
            }
            worst = Math.max(worst, end - start + 1);
        }
        return worst;
    }

    /** Round-robin over recipients so each gets its share in order; {@code perSecond} 0 = as fast as possible. */
    private static Set<String> publish(
            KafkaProducer<String, SpecificRecord> producer,
            List<String> recipients,
            int count,
            String phase,
            double perSecond) {
        Set<String> ids = new HashSet<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = start + (long) (i / perSecond * 1e9);
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            String waId = recipients.get(i % recipients.size());
            OutboundCommand command = OutboundCommands.to(waId)
                    .commandId(phase + "-" + i + "-" + waId)
                    .correlationId("bench:" + phase)
                    .text("Actualización de tu pedido #" + i);
            ids.add(command.getCommandId());
            producer.send(new ProducerRecord<>(Topics.WhatsApp.OUTBOUND, waId, command));
        }
        producer.flush();
        return ids;
    }

    /** Every command of the phase is in the log, and none is still queued or in flight. */
    private static void awaitAllDone(JdbcClient jdbc, String phase, int count, Duration atMost) {
        await().pollInterval(Duration.ofMillis(500))
                .atMost(atMost)
                .until(() -> jdbc.sql("""
                                        SELECT count(*) FILTER (WHERE state NOT IN ('queued', 'sending'))
                                        FROM outbound_message WHERE correlation_id = :phase
                                        """)
                                .param("phase", "bench:" + phase)
                                .query(Long.class)
                                .single()
                        == count);
    }

    private static KafkaProducer<String, SpecificRecord> producer() {
        Serializer<SpecificRecord> values = new Serializer<>() {
            private final AvroSerializer delegate = new AvroSerializer();

            @Override
            public byte[] serialize(String topic, SpecificRecord data) {
                return delegate.serialize(topic, data);
            }
        };
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaServer.shared().bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                values);
    }

    private static ConfigurableApplicationContext start(String database, String graphUrl, double rate, String id) {
        return new SpringApplicationBuilder(MessagingServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + PostgresServer.shared().jdbcUrl(database),
                        "--spring.datasource.username=" + PostgresServer.USER,
                        "--spring.datasource.password=" + PostgresServer.PASSWORD,
                        "--spring.datasource.hikari.maximum-pool-size=20",
                        "--spring.kafka.bootstrap-servers="
                                + KafkaServer.shared().bootstrapServers(),
                        "--spring.kafka.consumer.group-id=bench-" + database,
                        "--spring.kafka.consumer.auto-offset-reset=latest",
                        "--wpfoods.outbox.enabled=false",
                        "--wpfoods.messaging.graph.base-url=" + graphUrl,
                        "--wpfoods.messaging.throughput.messages-per-second=" + rate,
                        "--wpfoods.messaging.sender.instance-id=" + id,
                        "--wpfoods.messaging.sender.poll-interval=20ms",
                        "--wpfoods.messaging.retry.initial-interval=200ms",
                        "--logging.level.root=WARN");
    }

    private static void awaitAssignment(ConfigurableApplicationContext context) {
        var container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("messaging-outbound");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty());
    }

    private static void record(List<Result> results) throws IOException, InterruptedException {
        String commit = git("rev-parse", "HEAD");
        String date = Instant.now().toString();
        Result slow = results.get(0);
        Result fast = results.get(1);
        Map<String, Object[]> metrics = new LinkedHashMap<>();
        metrics.put("achieved_ratio_80mps", new Object[] {slow.achievedRatio(), "ratio"});
        metrics.put("achieved_ratio_1000mps", new Object[] {fast.achievedRatio(), "ratio"});
        metrics.put(
                "worst_window_overshoot_pct",
                new Object[] {Math.max(slow.worstWindowOvershootPct(), fast.worstWindowOvershootPct()), "%"});
        metrics.put("worst_window_overshoot_pct_80mps", new Object[] {slow.worstWindowOvershootPct(), "%"});
        metrics.put("worst_window_overshoot_pct_1000mps", new Object[] {fast.worstWindowOvershootPct(), "%"});
        metrics.put("limit_errors_pct", new Object[] {Math.max(slow.limitErrorsPct(), fast.limitErrorsPct()), "%"});
        metrics.put(
                "p99_queue_to_send_ms",
                new Object[] {Math.max(slow.p99QueueToSendMs(), fast.p99QueueToSendMs()), "ms"});
        metrics.put("p99_queue_to_send_ms_80mps", new Object[] {slow.p99QueueToSendMs(), "ms"});
        metrics.put("p99_queue_to_send_ms_1000mps", new Object[] {fast.p99QueueToSendMs(), "ms"});
        metrics.put("lost", new Object[] {(double) (slow.lost() + fast.lost()), "count"});
        metrics.put("duplicated", new Object[] {(double) (slow.duplicated() + fast.duplicated()), "count"});
        StringBuilder lines = new StringBuilder();
        String command = COMMAND + " -Dbench.commands=" + slow.commands();
        metrics.forEach((metric, value) -> lines.append(String.format(
                Locale.ROOT,
                "{\"bench\": \"sender\", \"metric\": \"%s\", \"value\": %.4f, \"unit\": \"%s\", \"commit\": \"%s\", \"date\": \"%s\", \"command\": \"%s\"}%n",
                metric,
                (double) value[0],
                value[1],
                commit,
                date,
                command)));
        Path file = Path.of(System.getProperty("bench.output", "../docs/benchmarks.jsonl"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(
                file, lines.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(lines);
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.waitFor() == 0 ? out : "unknown";
    }
}
