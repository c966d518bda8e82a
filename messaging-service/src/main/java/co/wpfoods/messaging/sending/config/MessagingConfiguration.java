package co.wpfoods.messaging.sending.config;

import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.logging.tracing.Traces;
import co.wpfoods.messaging.sending.adapter.in.kafka.InboundWindowListener;
import co.wpfoods.messaging.sending.adapter.in.kafka.OutboundCommandListener;
import co.wpfoods.messaging.sending.adapter.in.kafka.StatusListener;
import co.wpfoods.messaging.sending.adapter.out.db.JdbcOutboundLog;
import co.wpfoods.messaging.sending.adapter.out.db.PostgresSendSchedule;
import co.wpfoods.messaging.sending.adapter.out.events.OutboxFailureEvents;
import co.wpfoods.messaging.sending.adapter.out.graph.ApacheGraphClient;
import co.wpfoods.messaging.sending.application.AcceptedSends;
import co.wpfoods.messaging.sending.application.AcceptingCommands;
import co.wpfoods.messaging.sending.application.Commands;
import co.wpfoods.messaging.sending.application.Dispatcher;
import co.wpfoods.messaging.sending.application.FailureEvents;
import co.wpfoods.messaging.sending.application.FallingBack;
import co.wpfoods.messaging.sending.application.GraphApi;
import co.wpfoods.messaging.sending.application.MessagingMetrics;
import co.wpfoods.messaging.sending.application.OutboundLog;
import co.wpfoods.messaging.sending.application.SendingMessages;
import co.wpfoods.messaging.sending.application.ThroughputLimiter;
import co.wpfoods.messaging.sending.application.TokenGate;
import co.wpfoods.messaging.sending.application.TrackingStatuses;
import co.wpfoods.messaging.sending.application.TrackingWindows;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires messaging-service: adapters, use cases, the sending loop. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    String senderInstanceId(MessagingProperties properties) {
        String configured = properties.sender().instanceId();
        return configured == null || configured.isBlank() ? "sender-" + UUID.randomUUID() : configured;
    }

    @Bean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    @Bean
    Commands commands(AvroSerde serde) {
        return new Commands(serde);
    }

    /** Recipients hashed and commands encrypted at rest: without the two keysets the service does not start. */
    @Bean
    OutboundLog outboundLog(
            JdbcClient jdbc,
            TransactionTemplate tx,
            MessagingProperties properties,
            PersonalDataCipher cipher,
            LookupHash lookupHash) {
        return new JdbcOutboundLog(jdbc, tx, properties.pair().burst(), cipher, lookupHash);
    }

    @Bean
    ThroughputLimiter throughputLimiter(JdbcClient jdbc, MessagingProperties properties) {
        MessagingProperties.Throughput t = properties.throughput();
        return new PostgresSendSchedule(
                jdbc,
                "phone:" + properties.graph().phoneNumberId(),
                t.messagesPerSecond(),
                t.burst(),
                t.reservationHorizon(),
                t.jitterAllowance(),
                t.reservationLead());
    }

    @Bean
    CircuitBreaker graphCircuitBreaker(MessagingProperties properties, MeterRegistry registry) {
        MessagingProperties.Breaker b = properties.breaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRateThreshold())
                .minimumNumberOfCalls(b.minimumCalls())
                .slidingWindowSize(b.slidingWindow())
                .waitDurationInOpenState(b.waitInOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        return breakers.circuitBreaker("graph-api");
    }

    @Bean
    GraphApi graphApi(MessagingProperties properties, CircuitBreaker graphCircuitBreaker, Traces traces) {
        MessagingProperties.Graph g = properties.graph();
        return new ApacheGraphClient(
                g.phoneNumberUri(),
                g::token,
                g.connectTimeout(),
                g.requestTimeout(),
                graphCircuitBreaker,
                properties.sender().maxInFlight(),
                traces);
    }

    @Bean
    FailureEvents failureEvents(OutboxWriter outbox, Clock clock) {
        return new OutboxFailureEvents(outbox, clock);
    }

    @Bean
    FallingBack fallingBack(OutboundLog log, Commands commands, FailureEvents events) {
        return new FallingBack(log, commands, events);
    }

    @Bean
    TokenGate tokenGate(GraphApi graph, MessagingMetrics metrics, MessagingProperties properties, Clock clock) {
        return new TokenGate(graph, metrics, properties.sender().tokenProbeInterval(), clock);
    }

    @Bean
    AcceptedSends acceptedSends(OutboundLog log, String senderInstanceId) {
        return new AcceptedSends(log, senderInstanceId, 512);
    }

    /**
     * {@code wa.outbound.v1} is consumed a poll at a time (one insert statement, one offset commit per poll) instead
     * of the eventing kit's record-at-a-time default; the kit's error handler still dead-letters what cannot be read.
     */
    @Bean(OutboundCommandListener.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> outboundBatchContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    SendingMessages sendingMessages(
            OutboundLog log,
            GraphApi graph,
            FailureEvents events,
            FallingBack fallingBack,
            Commands commands,
            TokenGate gate,
            MessagingMetrics metrics,
            TransactionTemplate tx,
            MessagingProperties properties,
            String senderInstanceId,
            Clock clock,
            AcceptedSends acceptedSends) {
        return new SendingMessages(
                log,
                graph,
                events,
                fallingBack,
                commands,
                gate,
                metrics,
                tx,
                properties.sending(),
                senderInstanceId,
                clock,
                acceptedSends);
    }

    @Bean
    Dispatcher dispatcher(
            OutboundLog log,
            SendingMessages sending,
            AcceptedSends acceptedSends,
            ThroughputLimiter limiter,
            TokenGate gate,
            GraphApi graph,
            MessagingMetrics metrics,
            MessagingProperties properties,
            String senderInstanceId) {
        return new Dispatcher(
                log,
                sending,
                acceptedSends,
                limiter,
                gate,
                graph,
                metrics,
                properties.sender(),
                properties.throughput().messagesPerSecond(),
                properties.throughput().reservationHorizon(),
                properties.throughput().lateSlotTolerance(),
                senderInstanceId);
    }

    @Bean
    AcceptingCommands acceptingCommands(
            OutboundLog log, Commands commands, FailureEvents events, TransactionTemplate tx, Dispatcher dispatcher) {
        return new AcceptingCommands(log, commands, events, tx, dispatcher::signal);
    }

    @Bean
    TrackingWindows trackingWindows(OutboundLog log) {
        return new TrackingWindows(log);
    }

    @Bean
    TrackingStatuses trackingStatuses(
            OutboundLog log,
            Commands commands,
            FailureEvents events,
            FallingBack fallingBack,
            TransactionTemplate tx,
            Dispatcher dispatcher) {
        return new TrackingStatuses(log, commands, events, fallingBack, tx, dispatcher::signal);
    }

    @Bean
    OutboundCommandListener outboundCommandListener(AcceptingCommands accepting) {
        return new OutboundCommandListener(accepting);
    }

    @Bean
    InboundWindowListener inboundWindowListener(TrackingWindows windows) {
        return new InboundWindowListener(windows);
    }

    @Bean
    StatusListener statusListener(TrackingStatuses statuses) {
        return new StatusListener(statuses);
    }

    /** Starts the sending loop with the application (after the database is migrated) and stops it gracefully. */
    @Bean
    SmartLifecycle senderLifecycle(
            Dispatcher dispatcher, MessagingProperties properties, OutboundLog log, MessagingMetrics metrics) {
        return new SmartLifecycle() {
            private ScheduledExecutorService gauges;

            @Override
            public void start() {
                gauges = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("messaging-gauges").factory());
                long every = properties.sender().gaugeRefreshInterval().toMillis();
                gauges.scheduleWithFixedDelay(
                        () -> {
                            try {
                                metrics.queueDepth(log.queueDepth(), log.recipientsInBackoff());
                            } catch (RuntimeException e) {
                                // the next refresh tries again
                            }
                        },
                        every,
                        every,
                        TimeUnit.MILLISECONDS);
                if (properties.sender().enabled()) {
                    dispatcher.start();
                }
            }

            @Override
            public void stop() {
                dispatcher.stop();
                if (gauges != null) {
                    gauges.shutdownNow();
                }
            }

            @Override
            public boolean isRunning() {
                return gauges != null && !gauges.isShutdown();
            }

            @Override
            public int getPhase() {
                // stop the sender before the Kafka listeners and the outbox relay
                return Integer.MAX_VALUE - 50;
            }
        };
    }
}
