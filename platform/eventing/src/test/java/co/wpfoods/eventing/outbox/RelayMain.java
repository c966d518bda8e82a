package co.wpfoods.eventing.outbox;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An outbox relay alone in its JVM, with the production defaults, so that a test can kill it the hard way
 * ({@code kill -9}). Arguments: JDBC URL, user, password, Kafka bootstrap servers, relay name.
 */
public final class RelayMain {

    public static final String STARTED = "relay started";

    private RelayMain() {}

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(args[1]);
        dataSource.setPassword(args[2]);
        dataSource.setMaximumPoolSize(2);
        var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        args[3],
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer());
        var properties = TestRelayProperties.quick(args[4], false);
        var relay = new OutboxRelay(
                properties,
                args[4],
                PostgresCoordinates.fromJdbcUrl(url, args[1], args[2]),
                producer,
                JdbcClient.create(dataSource),
                new SimpleMeterRegistry());
        relay.start();
        System.out.println(STARTED);
        System.out.flush();
        Thread.currentThread().join();
    }
}
