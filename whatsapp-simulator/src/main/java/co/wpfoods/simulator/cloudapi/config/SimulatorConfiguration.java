package co.wpfoods.simulator.cloudapi.config;

import co.wpfoods.simulator.cloudapi.adapter.in.web.WebSettings;
import co.wpfoods.simulator.cloudapi.adapter.out.webhook.SignedWebhookSender;
import co.wpfoods.simulator.cloudapi.application.BusinessMessaging;
import co.wpfoods.simulator.cloudapi.application.Conversations;
import co.wpfoods.simulator.cloudapi.application.GraphRequestLog;
import co.wpfoods.simulator.cloudapi.application.MediaStore;
import co.wpfoods.simulator.cloudapi.application.SendPolicy;
import co.wpfoods.simulator.cloudapi.application.SendRequestValidator;
import co.wpfoods.simulator.cloudapi.application.Settings;
import co.wpfoods.simulator.cloudapi.application.SimulatorSettings;
import co.wpfoods.simulator.cloudapi.application.StatusEmitter;
import co.wpfoods.simulator.cloudapi.application.TemplateCatalog;
import co.wpfoods.simulator.cloudapi.application.TemplateValidator;
import co.wpfoods.simulator.cloudapi.application.TimingFeed;
import co.wpfoods.simulator.cloudapi.application.UserMessaging;
import co.wpfoods.simulator.cloudapi.application.WebhookPayloads;
import co.wpfoods.simulator.cloudapi.domain.BusinessAccount;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the simulator's use cases from {@link SimulatorProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    Clock simulatorClock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessAccount businessAccount(SimulatorProperties properties) {
        return new BusinessAccount(
                properties.phoneNumberId(),
                properties.displayPhoneNumber(),
                properties.wabaId(),
                properties.businessName(),
                properties.accessToken(),
                properties.phoneNumberRegistered());
    }

    @Bean
    Settings simulatorSettings(SimulatorProperties properties) {
        var statuses = properties.statuses();
        var enforcement = properties.enforcement();
        var injection = properties.injection();
        var faults = properties.graphFaults();
        return new Settings(new SimulatorSettings(
                properties.webhook().url(),
                statuses.enabled(),
                statuses.skipDelivered(),
                statuses.autoRead(),
                statuses.autoPlay(),
                enforcement.throughput(),
                enforcement.messagesPerSecond(),
                enforcement.pairLimit(),
                enforcement.window(),
                injection.duplicateProbability(),
                injection.maxExtraDelay(),
                new SimulatorSettings.GraphFaults(
                        faults.serverErrorProbability(),
                        faults.throughputErrorProbability(),
                        faults.slowProbability(),
                        faults.slowDelay(),
                        faults.noAnswerProbability(),
                        faults.noAnswerHold()),
                java.util.Set.copyOf(enforcement.notOnWhatsapp())));
    }

    @Bean
    TemplateCatalog templateCatalog(SimulatorProperties properties) {
        Map<String, TemplateDefinition> byKey = properties.templates().stream()
                .map(SimulatorProperties.Template::toDefinition)
                .collect(Collectors.toMap(t -> t.name() + "/" + t.language(), t -> t, (a, b) -> b));
        return new TemplateCatalog(byKey);
    }

    @Bean
    WebSettings webSettings(SimulatorProperties properties) {
        return new WebSettings(
                properties.graphApiVersion(),
                properties.publicBaseUrl(),
                properties.webhook().verifyToken());
    }

    @Bean
    MediaStore mediaStore(Clock clock, SimulatorProperties properties) {
        return new MediaStore(
                clock, properties.media().urlTtl(), properties.media().uploadTtl());
    }

    @Bean
    GraphRequestLog graphRequestLog(Clock clock) {
        return new GraphRequestLog(1_000, clock);
    }

    @Bean
    TimingFeed timingFeed() {
        return new TimingFeed();
    }

    @Bean
    Conversations conversations() {
        return new Conversations();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService webhookScheduler(SimulatorProperties properties) {
        return Executors.newScheduledThreadPool(properties.webhook().concurrency(), named("webhook-"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService statusScheduler() {
        return Executors.newSingleThreadScheduledExecutor(named("statuses-"));
    }

    @Bean
    SignedWebhookSender webhookSender(
            JsonMapper mapper,
            ScheduledExecutorService webhookScheduler,
            Settings settings,
            SimulatorProperties properties,
            Clock clock) {
        var webhook = properties.webhook();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(webhook.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new SignedWebhookSender(
                mapper,
                http,
                webhookScheduler,
                settings,
                webhook.appSecret(),
                properties.wabaId(),
                new SignedWebhookSender.Retry(
                        webhook.initialBackoff(),
                        webhook.backoffMultiplier(),
                        webhook.maxBackoff(),
                        webhook.maxAttempts()),
                webhook.requestTimeout(),
                RandomGenerator.getDefault(),
                clock);
    }

    @Bean
    WebhookPayloads webhookPayloads(BusinessAccount account) {
        return new WebhookPayloads(account);
    }

    @Bean
    SendPolicy sendPolicy(Clock clock, Settings settings, SimulatorProperties properties) {
        var enforcement = properties.enforcement();
        return new SendPolicy(
                clock, settings, enforcement.pairBurst(), enforcement.pairInterval(), enforcement.windowLength());
    }

    @Bean
    StatusEmitter statusEmitter(
            ScheduledExecutorService statusScheduler,
            SignedWebhookSender webhookSender,
            WebhookPayloads payloads,
            Conversations conversations,
            Settings settings,
            SimulatorProperties properties,
            Clock clock) {
        var statuses = properties.statuses();
        return new StatusEmitter(
                statusScheduler,
                webhookSender,
                payloads,
                conversations,
                settings,
                new StatusEmitter.Delays(statuses.sentDelay(), statuses.deliveredDelay(), statuses.readDelay()),
                clock);
    }

    @Bean
    BusinessMessaging businessMessaging(
            BusinessAccount account,
            TemplateCatalog templates,
            MediaStore media,
            SendPolicy policy,
            Conversations conversations,
            StatusEmitter statuses,
            Clock clock,
            Settings settings) {
        var validator = new SendRequestValidator(
                new TemplateValidator(templates::find, media), media, account.displayPhoneNumber());
        return new BusinessMessaging(
                account,
                validator,
                policy,
                conversations,
                statuses,
                clock,
                settings,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    UserMessaging userMessaging(
            BusinessAccount account,
            Conversations conversations,
            MediaStore media,
            WebhookPayloads payloads,
            SignedWebhookSender webhookSender,
            SendPolicy policy,
            Clock clock,
            TimingFeed timings) {
        return new UserMessaging(account, conversations, media, payloads, webhookSender, policy, clock, timings);
    }

    @Bean
    ApplicationRunner verifyWebhookOnStart(SimulatorProperties properties, SignedWebhookSender sender) {
        return args -> {
            log.info(
                    "WhatsApp simulator: Graph API at /{}/{}/messages, webhooks to {}",
                    properties.graphApiVersion(),
                    properties.phoneNumberId(),
                    properties.webhook().url());
            if (properties.webhook().verifyOnStart()) {
                boolean verified = sender.verify(properties.webhook().verifyToken());
                log.info(
                        "Webhook verification handshake with {}: {}",
                        properties.webhook().url(),
                        verified ? "ok" : "FAILED");
            }
        };
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
