package co.wpfoods.messaging.bench;

import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.bench.BenchmarkLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench {@code faults}: replies through a Graph stand-in ({@link FaultyGraph}) that drops answers of messages it
 * accepted, loses requests without answering, answers slowly, and answers 500 and 130429. Counts, per command, how
 * many messages reached the user's phone: {@code duplicated_replies} (more than one) and {@code lost_replies} (none).
 * Baseline in the same run: the same load with {@code sender.unanswered-grace=0s}, i.e. an unanswered send resent at
 * the next claim, as a timeout was handled before. Run with
 * {@code ./mvnw -B -pl messaging-service test -Dtest=FaultsBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.commands=600 -Dbench.recipients=100 -Dbench.runs=3}). Appends to {@code docs/benchmarks.jsonl}.
 */
class FaultsBench {

    static final String COMMAND =
            "./mvnw -B -pl messaging-service test -Dtest=FaultsBench -Dsurefire.failIfNoSpecifiedTests=false";
    static final double RATE = 80;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SLOW_ANSWER = Duration.ofSeconds(4);
    /** Meta's sent status reaches us this long after Meta accepted the message (uniform): often after our timeout. */
    static final Duration STATUS_MIN = Duration.ofMillis(500);

    static final Duration STATUS_MAX = Duration.ofSeconds(12);
    static final FaultyGraph.Faults FAULTS = new FaultyGraph.Faults(0.03, 0.01, 0.03, 0.03, 0.03);

    record Result(
            String grace,
            int commands,
            long requests,
            Map<String, Long> faults,
            long duplicated,
            long lost,
            long orderViolations,
            long settledByStatus,
            long resent,
            double p50SettleMs,
            double p99SettleMs,
            double maxSettleMs,
            double maxResendDelayS) {}

    @Test
    void faults() throws Exception {
        int commands = Integer.getInteger("bench.commands", 600);
        int recipients = Integer.getInteger("bench.recipients", 100);
        int runs = Integer.getInteger("bench.runs", 3);
        String grace = System.getProperty("bench.grace", "15s");
        List<Result> measured = new ArrayList<>();
        List<Result> baseline = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            measured.add(run(grace, commands, recipients, run));
            baseline.add(run("0s", commands, recipients, run));
            System.out.println(
                    "FAULTS BENCH run " + run + ": " + measured.getLast() + "\n  baseline: " + baseline.getLast());
        }
        BenchmarkLog log = new BenchmarkLog(
                "faults",
                COMMAND + " -Dbench.commands=" + commands + " -Dbench.recipients=" + recipients + " -Dbench.runs="
                        + runs + " -Dbench.grace=" + grace);
        record(log, "", measured);
        record(log, "_baseline_no_grace", baseline);
    }

    private static void record(BenchmarkLog log, String suffix, List<Result> results) {
        metric(log, "duplicated_replies" + suffix, results, r -> r.duplicated(), "count");
        metric(log, "lost_replies" + suffix, results, r -> r.lost(), "count");
        metric(log, "order_violations" + suffix, results, r -> r.orderViolations(), "count");
        metric(log, "settled_by_status" + suffix, results, r -> r.settledByStatus(), "count");
        metric(log, "resent_after_grace" + suffix, results, r -> r.resent(), "count");
        metric(log, "status_apply_p50_ms" + suffix, results, Result::p50SettleMs, "ms");
        metric(log, "status_apply_p99_ms" + suffix, results, Result::p99SettleMs, "ms");
        metric(log, "max_resend_delay_s" + suffix, results, Result::maxResendDelayS, "s");
    }

    private static void metric(
            BenchmarkLog log,
            String name,
            List<Result> results,
            java.util.function.ToDoubleFunction<Result> value,
            String unit) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        double median = values[values.length / 2];
        System.out.printf(
                Locale.ROOT,
                "FAULTS BENCH %s median %.1f range %.1f–%.1f%n",
                name,
                median,
                values[0],
                values[values.length - 1]);
        log.record(name, median, unit);
        log.record(name + "_min", values[0], unit);
        log.record(name + "_max", values[values.length - 1], unit);
    }

    private Result run(String grace, int commandCount, int recipientCount, int run) throws Exception {
        String database = PostgresServer.shared().createDatabase("faults_bench");
        ConfigurableApplicationContext replica = null;
        try (KafkaProducer<String, SpecificRecord> producer = SenderBench.producer();
                FaultyGraph graph = new FaultyGraph(
                        FAULTS, REQUEST_TIMEOUT.plusSeconds(1), SLOW_ANSWER, STATUS_MIN, STATUS_MAX, producer, run)) {
            replica = SenderBench.start(
                    database,
                    graph.baseUrl(),
                    RATE,
                    "faults-" + run,
                    List.of(
                            "--wpfoods.messaging.graph.request-timeout=" + REQUEST_TIMEOUT.toMillis() + "ms",
                            "--wpfoods.messaging.sender.unanswered-grace=" + grace,
                            "--wpfoods.messaging.retry.max-attempts=20",
                            "--wpfoods.messaging.breaker.minimum-calls=1000"));
            // every replica of every run joins the same consumer groups (the listener ids) on the one broker: wait
            // until this replica holds every partition, or statuses on a departed member's partitions wait for the
            // group's session timeout (tens of seconds) and look like a slow status pipeline
            var registry = replica.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class);
            for (String[] listener : new String[][] {
                {"messaging-outbound", Topics.WhatsApp.OUTBOUND}, {"messaging-statuses", Topics.WhatsApp.STATUS}
            }) {
                var container = registry.getListenerContainer(listener[0]);
                int partitions = producer.partitionsFor(listener[1]).size();
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> container.getAssignedPartitions() != null
                                && container.getAssignedPartitions().size() == partitions);
            }
            JdbcClient jdbc = replica.getBean(JdbcClient.class);
            String prefix = "5732" + run + (System.nanoTime() % 1000);
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < recipientCount; i++) {
                recipients.add(prefix + String.format(Locale.ROOT, "%05d", i));
            }
            LookupHash lookupHash = replica.getBean(LookupHash.class);
            jdbc.sql("INSERT INTO customer_window (recipient_hash, last_inbound_at) SELECT unnest(:r::bytea[]), now()")
                    .param("r", recipients.stream().map(lookupHash::hash).toArray(byte[][]::new))
                    .update();
            List<String> ids = new ArrayList<>();
            Map<String, Integer> sequence = new HashMap<>();
            for (int i = 0; i < commandCount; i++) {
                String waId = recipients.get(i % recipients.size());
                OutboundCommand command = OutboundCommands.to(waId)
                        .commandId("faults-" + run + "-" + i + "-" + waId)
                        .correlationId("bench:faults")
                        .text("Tu pedido #" + i + " fue confirmado");
                ids.add(command.getCommandId());
                sequence.put(command.getCommandId(), i);
                producer.send(new ProducerRecord<>(Topics.WhatsApp.OUTBOUND, waId, command));
            }
            producer.flush();
            await().pollInterval(Duration.ofMillis(500))
                    .atMost(Duration.ofMinutes(5))
                    .until(() -> jdbc.sql("""
                                            SELECT count(*) FILTER (WHERE state NOT IN ('queued', 'sending', 'unanswered'))
                                            FROM outbound_message WHERE correlation_id = 'bench:faults'
                                            """).query(Long.class).single() == commandCount);
            // statuses of the last deliveries still on their way change nothing about what the user got
            return summarize(grace, ids, sequence, graph, jdbc);
        } finally {
            if (replica != null) {
                replica.close();
            }
        }
    }

    private static Result summarize(
            String grace, List<String> ids, Map<String, Integer> sequence, FaultyGraph graph, JdbcClient jdbc) {
        List<FaultyGraph.Arrival> arrivals = graph.arrivals();
        Map<String, Long> faults = new LinkedHashMap<>();
        Map<String, Integer> deliveredTimes = new HashMap<>();
        Map<String, List<FaultyGraph.Arrival>> byCommand = new HashMap<>();
        for (FaultyGraph.Arrival a : arrivals) {
            faults.merge(a.fault(), 1L, Long::sum);
            byCommand.computeIfAbsent(a.commandId(), k -> new ArrayList<>()).add(a);
            if (a.delivered()) {
                deliveredTimes.merge(a.commandId(), 1, Integer::sum);
            }
        }
        long duplicated = ids.stream()
                .mapToLong(id -> Math.max(0, deliveredTimes.getOrDefault(id, 0) - 1))
                .sum();
        long lost = ids.stream().filter(id -> !deliveredTimes.containsKey(id)).count();
        // per recipient, the first delivery of each command must follow the commands' order
        Map<String, Integer> lastSeq = new HashMap<>();
        long orderViolations = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FaultyGraph.Arrival a : arrivals) {
            if (!a.delivered() || !seen.add(a.commandId())) {
                continue;
            }
            int seq = sequence.getOrDefault(a.commandId(), -1);
            Integer previous = lastSeq.put(a.recipient(), seq);
            if (previous != null && previous > seq) {
                orderViolations++;
            }
        }
        // settled by a status: answer dropped, the sent status arrived, no second request
        long settled = 0;
        long resent = 0;
        double maxResendDelay = 0;
        Map<String, Instant> statusSent = graph.statusSent();
        List<Long> settleMs = new ArrayList<>();
        for (String id : ids) {
            List<FaultyGraph.Arrival> tries = byCommand.getOrDefault(id, List.of());
            for (int i = 0; i < tries.size(); i++) {
                String fault = tries.get(i).fault();
                if (!fault.equals("dropped") && !fault.equals("lost")) {
                    continue;
                }
                if (i == tries.size() - 1) {
                    settled++;
                } else {
                    resent++;
                    maxResendDelay = Math.max(
                            maxResendDelay,
                            Duration.between(tries.get(i).at(), tries.get(i + 1).at())
                                            .toMillis()
                                    / 1000.0);
                }
            }
        }
        for (var row : jdbc.sql("""
                        SELECT command_id, status_at FROM outbound_message
                        WHERE correlation_id = 'bench:faults' AND status_at IS NOT NULL
                        """).query().listOfRows()) {
            Instant sent = statusSent.get((String) row.get("command_id"));
            if (sent != null) {
                settleMs.add(Duration.between(sent, ((java.sql.Timestamp) row.get("status_at")).toInstant())
                        .toMillis());
            }
        }
        long[] sorted = settleMs.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                grace,
                ids.size(),
                arrivals.size(),
                faults,
                duplicated,
                lost,
                orderViolations,
                settled,
                resent,
                sorted.length == 0 ? 0 : BenchmarkLog.percentile(sorted, 50),
                sorted.length == 0 ? 0 : BenchmarkLog.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                maxResendDelay);
    }

    @SuppressWarnings("unused")
    private static String describe(double[] values) {
        return Arrays.toString(values);
    }
}
