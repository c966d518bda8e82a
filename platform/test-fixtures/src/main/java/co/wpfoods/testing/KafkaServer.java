package co.wpfoods.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker in KRaft mode, in-process. {@link #shared()} is one broker per JVM. */
public final class KafkaServer implements AutoCloseable {

    private static KafkaServer shared;

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaServer(int port) {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        if (port != 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", "1000000"));
        broker.afterPropertiesSet();
    }

    public static synchronized KafkaServer shared() {
        if (shared == null) {
            shared = new KafkaServer(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-kafka-stop"));
        }
        return shared;
    }

    /** A separate broker (e.g. one a test stops and starts); port 0 picks a free one. */
    public static KafkaServer startNew(int port) {
        return new KafkaServer(port);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
