package co.wpfoods.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker in KRaft mode, in-process. {@link #shared()} is one broker per JVM. */
public final class KafkaServer implements AutoCloseable {

    private static KafkaServer shared;

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaServer() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
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
            shared = new KafkaServer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-kafka-stop"));
        }
        return shared;
    }

    /**
     * A separate broker on a free port, e.g. one a test stops. spring-kafka-test's KRaft broker cannot be restarted
     * on the same port; to cut and restore a client's connection, put a TCP relay in front of it.
     */
    public static KafkaServer startNew() {
        return new KafkaServer();
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
