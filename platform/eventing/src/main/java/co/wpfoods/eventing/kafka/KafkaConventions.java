package co.wpfoods.eventing.kafka;

import co.wpfoods.schemas.serde.AvroDeserializer;
import co.wpfoods.schemas.serde.AvroSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka conventions every service shares, as default properties (lowest precedence, so a service may override
 * any of them): idempotent producers with {@code acks=all} and Avro values; consumers that commit after processing,
 * start from the earliest offset and hand undecodable values to the error handler (→ dead-letter topic) instead of
 * failing the poll; listeners continue each record's trace; Flyway also runs the eventing kit's migrations.
 */
public class KafkaConventions implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "wpfoods-kafka-conventions";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
        defaults.put("spring.kafka.producer.properties.linger.ms", "2");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "15000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
        defaults.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        defaults.put("spring.kafka.producer.value-serializer", AvroSerializer.class.getName());
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put(
                "spring.kafka.consumer.properties." + ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                AvroDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties.isolation.level", "read_committed");
        defaults.put("spring.kafka.listener.ack-mode", "record");
        // a listener continues the trace of the record it takes (its traceparent header), so what it writes to the
        // outbox carries the same trace
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.flyway.locations", "classpath:db/migration,classpath:db/eventing");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
