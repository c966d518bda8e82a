package co.wpfoods.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, in-process. {@link #shared()} is one broker per JVM.
 *
 * <p>Like production's brokers it does not create topics on first use: a service declares its topics
 * ({@code wpfoods.kafka.declare-topics}, plus {@code wpfoods.kafka.extra-topics}), and a test that publishes without
 * a service declares its own with {@link #declareTopics}. A missing declaration fails in the test instead of being
 * hidden by the broker.
 */
public final class KafkaServer implements AutoCloseable {

    private static KafkaServer shared;

    private final EmbeddedKafkaKraftBroker broker;
    private final AutoCloseable container;
    private final String containerBootstrap;

    private KafkaServer(Containers.Started started) {
        this.broker = null;
        this.container = started.container();
        this.containerBootstrap = started.bootstrapServers();
    }

    private KafkaServer() {
        container = null;
        containerBootstrap = null;
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", "1000000"));
        broker.afterPropertiesSet();
    }

    public static synchronized KafkaServer shared() {
        if (shared == null) {
            shared = Infrastructure.current().kind() == Infrastructure.Kind.CONTAINERS
                    ? new KafkaServer(Containers.kafka())
                    : new KafkaServer();
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
        return containerBootstrap != null ? containerBootstrap : broker.getBrokersAsString();
    }

    /** Creates the topics (3 partitions each) that do not exist yet, as a service's topic declaration would. */
    public void declareTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            var missing = Arrays.stream(names)
                    .distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, 3, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not declare topics " + Arrays.toString(names), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The in-process broker; not there when the tests run against a container. */
    public EmbeddedKafkaKraftBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("Kafka runs in a container in this run: " + Infrastructure.current());
        }
        return broker;
    }

    @Override
    public void close() {
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            broker.destroy();
        }
    }
}
