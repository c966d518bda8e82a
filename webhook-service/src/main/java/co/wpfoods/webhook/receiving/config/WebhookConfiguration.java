package co.wpfoods.webhook.receiving.config;

import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.logging.tracing.Traces;
import co.wpfoods.schemas.serde.AvroSerializer;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.webhook.receiving.adapter.in.web.MetaEnvelopeParser;
import co.wpfoods.webhook.receiving.adapter.in.web.WhatsAppWebhookServlet;
import co.wpfoods.webhook.receiving.adapter.out.db.JdbcInboundLedger;
import co.wpfoods.webhook.receiving.adapter.out.db.JdbcLimitLedger;
import co.wpfoods.webhook.receiving.adapter.out.events.OutboxLimitNotices;
import co.wpfoods.webhook.receiving.adapter.out.kafka.KafkaRecordPublisher;
import co.wpfoods.webhook.receiving.adapter.out.metrics.MicrometerWebhookMetrics;
import co.wpfoods.webhook.receiving.application.ReceivingWebhook;
import co.wpfoods.webhook.receiving.application.Routing;
import co.wpfoods.webhook.receiving.application.WebhookMetrics;
import co.wpfoods.webhook.receiving.domain.InboundLimits;
import co.wpfoods.webhook.roles.application.RoleDirectory;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the webhook path: parser, ledger, role directory, limits, Kafka publisher and metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    /**
     * Every connection waits at most the ack timeout for a row lock (a concurrent duplicate's), so a POST stuck
     * behind another answers 503 in time instead of hanging; set once per connection, not per request.
     */
    @Bean
    static BeanPostProcessor lockTimeoutOnConnections(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari) {
                    Duration ack = Binder.get(environment)
                            .bind("wpfoods.webhook.ack-timeout", Duration.class)
                            .orElse(Duration.ofSeconds(5));
                    hikari.setConnectionInitSql("SET lock_timeout = '" + Math.max(1, ack.toMillis()) + "ms'");
                }
                return bean;
            }
        };
    }

    @Bean
    MetaEnvelopeParser metaEnvelopeParser() {
        return new MetaEnvelopeParser();
    }

    /** Meta's deliveries go to a servlet of their own, beside Spring MVC's dispatcher (which serves the actuator). */
    @Bean
    ServletRegistrationBean<WhatsAppWebhookServlet> whatsAppWebhookServlet(
            MetaEnvelopeParser parser, ReceivingWebhook receiving, WebhookMetrics metrics, Traces traces) {
        var registration = new ServletRegistrationBean<>(
                new WhatsAppWebhookServlet(parser, receiving, metrics, traces), WhatsAppWebhookServlet.PATH);
        registration.setName("whatsAppWebhook");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry registry) {
        return new MicrometerWebhookMetrics(registry);
    }

    @Bean
    JdbcInboundLedger inboundLedger(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        return new JdbcInboundLedger(jdbc, cipher, lookupHash);
    }

    @Bean
    JdbcLimitLedger limitLedger(JdbcClient jdbc, LookupHash lookupHash) {
        return new JdbcLimitLedger(jdbc, lookupHash);
    }

    @Bean
    OutboxLimitNotices limitNotices(OutboxWriter outbox, WebhookProperties properties) {
        return new OutboxLimitNotices(
                outbox, Locale.forLanguageTag(properties.limits().noticeLocale()));
    }

    /**
     * A producer of its own whose timeouts fit inside the ack timeout: {@code send} blocks at most that long for
     * metadata, and a record not acknowledged by then fails in the producer too (instead of landing after we
     * answered 503 and being published again by Meta's retry).
     */
    @Bean(destroyMethod = "close")
    KafkaRecordPublisher recordPublisher(KafkaProperties kafka, WebhookProperties properties) {
        long ackMillis = properties.ackTimeout().toMillis();
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "webhook-publisher");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackMillis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, ackMillis - 100));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(501, ackMillis));
        return new KafkaRecordPublisher(
                () -> new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer()));
    }

    @Bean(destroyMethod = "close")
    ReceivingWebhook receivingWebhook(
            JdbcInboundLedger ledger,
            RoleDirectory roles,
            JdbcLimitLedger limitLedger,
            OutboxLimitNotices notices,
            KafkaRecordPublisher publisher,
            WebhookMetrics metrics,
            TransactionTemplate transaction,
            WebhookProperties properties) {
        var limits = properties.limits();
        var settings = new ReceivingWebhook.Settings(
                properties.ackTimeout(),
                new Routing(properties.routing().mediaNeedingWork()),
                new InboundLimits(limits.perMinute(), limits.perHour(), limits.perDay()),
                limits.enabled(),
                properties.batch().workers(),
                properties.batch().maxSize());
        return new ReceivingWebhook(ledger, roles, limitLedger, notices, publisher, metrics, transaction, settings);
    }

    /** Forgets old dedup rows and usage windows (archived payloads: the privacy slice's retention job). */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler webhookHousekeeping(
            JdbcInboundLedger ledger, JdbcLimitLedger limitLedger, WebhookProperties properties) {
        var retention = properties.retention();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("webhook-housekeeping-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        Instant now = Instant.now();
                        int swept = ledger.sweep(now.minus(retention.dedup()))
                                + limitLedger.sweep(now.minus(retention.usage()));
                        log.debug("Housekeeping removed {} rows", swept);
                    } catch (RuntimeException e) {
                        log.warn("Housekeeping failed, will retry: {}", e.getMessage());
                    }
                },
                Instant.now().plus(Duration.ofMinutes(1)),
                retention.sweepInterval());
        return scheduler;
    }
}
