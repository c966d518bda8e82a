package co.wpfoods.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in KRaft mode (one node that is both broker and controller) running inside the launcher's JVM,
 * with its log in a data directory that survives restarts. The storage is formatted on first start only.
 */
final class KafkaBroker implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;

    private KafkaBroker(KafkaRaftServer server) {
        this.server = server;
    }

    static KafkaBroker start(Path dataDir, int port, int controllerPort) throws Exception {
        Files.createDirectories(dataDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("num.partitions", "3");
        // every service declares its topics (wpfoods.kafka.declare-topics): a missing declaration shows at once
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        // 50 partitions by default: a single laptop broker needs far fewer, and each costs start-up time
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "72");
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        KafkaConfig config = new KafkaConfig(props, false);
        format(dataDir);
        // On a fatal fault Kafka halts the JVM, which would skip stopping the services and PostgreSQL:
        // say what happened and exit normally instead (from another thread, so Kafka's is not held)
        Exit.setHaltProcedure((code, message) -> exitReporting(code, message));
        Exit.setExitProcedure((code, message) -> exitReporting(code, message));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaBroker(server);
    }

    private static void exitReporting(int code, String message) {
        System.out.printf(
                "%n  ✗ Kafka stopped on a fatal error (%s); stopping WPFoods — see .data/logs/platform.log%n", message);
        Thread exit = new Thread(() -> System.exit(code == 0 ? 1 : code), "kafka-fatal-exit");
        exit.start();
    }

    /** Writes meta.properties and the bootstrap metadata the first time; leaves formatted storage alone. */
    private static void format(Path dataDir) throws Exception {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        var output = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dataDir.toString())
                .setDirectories(List.of(dataDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setIgnoreFormatted(true)
                .run();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
