package co.wpfoods.eventing;

import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.eventing.kafka.KafkaConventionsProperties;
import co.wpfoods.eventing.outbox.OutboxRelay;
import co.wpfoods.eventing.outbox.OutboxRelayProperties;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.eventing.outbox.PostgresCoordinates;
import co.wpfoods.logging.tracing.Traces;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.serde.AvroSerde.MalformedRecordException;
import co.wpfoods.schemas.serde.AvroSerde.UnknownSchemaException;
import co.wpfoods.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The eventing kit: outbox writer and relay, inbox, dead-letter error handling and topic declarations. Everything
 * is on by default in a service that has a DataSource and Kafka on its classpath.
 */
@AutoConfiguration(
        afterName = {
            "co.wpfoods.logging.tracing.TracingAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@EnableConfigurationProperties({OutboxRelayProperties.class, KafkaConventionsProperties.class})
public class EventingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AvroSerde avroSerde() {
        return AvroSerde.standard();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class Database {

        @Bean
        @ConditionalOnMissingBean
        OutboxWriter outboxWriter(
                JdbcClient jdbc,
                DataSource dataSource,
                AvroSerde serde,
                OutboxRelayProperties properties,
                ObjectProvider<Traces> traces) {
            return new OutboxWriter(
                    jdbc, dataSource, serde, properties.maxPayloadBytes(), traces.getIfAvailable(Traces::none));
        }

        @Bean
        @ConditionalOnMissingBean
        Inbox inbox(JdbcClient jdbc, TransactionTemplate transactionTemplate) {
            return new Inbox(jdbc, transactionTemplate);
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnProperty(prefix = "wpfoods.outbox", name = "enabled", matchIfMissing = true)
        @ConditionalOnClass(name = "io.debezium.engine.DebeziumEngine")
        OutboxRelay outboxRelay(
                OutboxRelayProperties properties,
                Environment environment,
                KafkaProperties kafka,
                JdbcClient jdbc,
                ObjectProvider<MeterRegistry> meters) {
            String url = environment.getRequiredProperty("spring.datasource.url");
            PostgresCoordinates database = PostgresCoordinates.fromJdbcUrl(
                    url,
                    environment.getProperty("spring.datasource.username", "postgres"),
                    environment.getProperty("spring.datasource.password", ""));
            String identifier = properties.identifier(environment.getProperty("spring.application.name", "service"));
            return new OutboxRelay(
                    properties,
                    identifier,
                    database,
                    relayProducer(kafka),
                    jdbc,
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        private static Producer<String, byte[]> relayProducer(KafkaProperties kafka) {
            Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }

        /** {@code outboxRelay} health: DOWN with the reason when the engine stopped on an error. */
        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
            return () -> {
                Throwable failure = relay.failure();
                if (failure != null) {
                    return org.springframework.boot.health.contributor.Health.down()
                            .withDetail("error", failure.getClass().getSimpleName() + ": " + failure.getMessage())
                            .build();
                }
                return relay.isRunning()
                        ? org.springframework.boot.health.contributor.Health.up()
                                .build()
                        : org.springframework.boot.health.contributor.Health.unknown()
                                .build();
            };
        }

        /** Deletes published outbox rows a crash left behind, and forgets old inbox ids. */
        @Bean
        EventingHousekeeping eventingHousekeeping(
                ObjectProvider<OutboxRelay> relay, Inbox inbox, KafkaConventionsProperties kafka) {
            return new EventingHousekeeping(
                    relay.getIfAvailable(),
                    inbox,
                    kafka.inboxRetention(),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(10));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    static class Kafka {

        /** Publishes failed records to {@code <topic>.dlt}: raw bytes when undecodable, Avro otherwise. */
        @Bean
        @ConditionalOnMissingBean(name = "deadLetterTemplate")
        KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
            Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
            delegates.put(byte[].class, new ByteArraySerializer());
            delegates.put(String.class, new StringSerializer());
            delegates.put(SpecificRecord.class, new AvroSerializer());
            Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter");
            var factory = new DefaultKafkaProducerFactory<Object, Object>(
                    config, new DelegatingKeySerializer(), new DelegatingByTypeSerializer(delegates, true));
            return new KafkaTemplate<>(factory);
        }

        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        DefaultErrorHandler deadLetteringErrorHandler(
                KafkaTemplate<Object, Object> deadLetterTemplate, KafkaConventionsProperties properties) {
            var recoverer = new DeadLetterPublishingRecoverer(
                    deadLetterTemplate,
                    (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
            var backOff = new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
            backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
            backOff.setMultiplier(2.0);
            backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
            var handler = new DefaultErrorHandler(recoverer, backOff);
            // retrying cannot fix a record that does not decode or that no code handles
            handler.addNotRetryableExceptions(
                    DeserializationException.class,
                    MalformedRecordException.class,
                    UnknownSchemaException.class,
                    UnhandledEventException.class);
            return handler;
        }

        @Bean
        @ConditionalOnProperty(prefix = "wpfoods.kafka", name = "declare-topics", matchIfMissing = true)
        KafkaAdmin.NewTopics wpfoodsTopics(KafkaConventionsProperties properties) {
            Set<String> names = new LinkedHashSet<>(Topics.ALL);
            names.addAll(properties.extraTopics());
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, properties.partitions(), properties.replicationFactor()));
                topics.add(new NewTopic(
                        Topics.deadLetterOf(name), properties.partitions(), properties.replicationFactor()));
            }
            return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
        }
    }

    /** Keys are strings, or raw bytes when a record's key could not be decoded. */
    static final class DelegatingKeySerializer implements Serializer<Object> {
        private final StringSerializer strings = new StringSerializer();

        @Override
        public byte[] serialize(String topic, Object data) {
            if (data == null || data instanceof byte[]) {
                return (byte[]) data;
            }
            return strings.serialize(topic, data.toString());
        }
    }
}
