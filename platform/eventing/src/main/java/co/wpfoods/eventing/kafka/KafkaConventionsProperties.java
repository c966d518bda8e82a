package co.wpfoods.eventing.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka conventions ({@code wpfoods.kafka.*}).
 *
 * @param partitions partitions of each declared topic
 * @param replicationFactor replication of each declared topic
 * @param declareTopics declare every WPFoods topic and its dead-letter topic at start-up
 * @param extraTopics more topics to declare (with their dead-letter topics)
 * @param retryAttempts how many times a failing record is retried before it goes to {@code <topic>.dlt}
 * @param retryInitialInterval first retry delay (doubles each time)
 * @param retryMaxInterval longest retry delay
 * @param inboxRetention how long processed event ids are remembered
 */
@ConfigurationProperties("wpfoods.kafka")
public record KafkaConventionsProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("true") boolean declareTopics,
        @DefaultValue List<String> extraTopics,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("5s") Duration retryMaxInterval,
        @DefaultValue("14d") Duration inboxRetention) {}
