package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.domain.BusinessAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The application layer wired without Spring; webhooks land in {@link #published}. */
final class SimulatorFixture implements AutoCloseable {

    static final String TOKEN = "token-de-prueba";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String CAMILA = "573001234567";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    final List<ObjectNode> published = new CopyOnWriteArrayList<>();
    final WebhookPublisher publisher = new WebhookPublisher() {
        @Override
        public void publish(ObjectNode value, Runnable onDelivered) {
            published.add(value);
            onDelivered.run();
        }

        @Override
        public void publishRaw(JsonNode body, boolean badSignature) {
            published.add((ObjectNode) body);
        }
    };
    final BusinessAccount account =
            new BusinessAccount(PHONE_NUMBER_ID, "573150000000", "102290129340398", "WPFoods", TOKEN, true);
    final Settings settings;
    final Conversations conversations = new Conversations();
    final MediaStore media = new MediaStore(clock, Duration.ofMinutes(5), Duration.ofDays(30));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final SendPolicy policy;
    final StatusEmitter statuses;
    final BusinessMessaging business;
    final UserMessaging users;

    SimulatorFixture(SimulatorSettings.Patch patch) {
        settings = new Settings(new SimulatorSettings(
                        "http://localhost:1/webhooks/whatsapp",
                        true,
                        false,
                        true,
                        true,
                        false,
                        80,
                        false,
                        false,
                        0.0,
                        Duration.ZERO,
                        SimulatorSettings.GraphFaults.NONE,
                        java.util.Set.of())
                .apply(patch));
        policy = new SendPolicy(clock, settings, 45, Duration.ofSeconds(6), Duration.ofHours(24));
        WebhookPayloads payloads = new WebhookPayloads(account);
        statuses = new StatusEmitter(
                scheduler,
                publisher,
                payloads,
                conversations,
                settings,
                new StatusEmitter.Delays(Duration.ZERO, Duration.ZERO, Duration.ZERO),
                clock);
        var validator = new SendRequestValidator(
                new TemplateValidator(key -> Optional.ofNullable(SendRequestFixtures.TEMPLATES.get(key)), media),
                media,
                account.displayPhoneNumber());
        business = new BusinessMessaging(
                account,
                validator,
                policy,
                conversations,
                statuses,
                clock,
                settings,
                new java.util.SplittableRandom(7)::nextDouble);
        users = new UserMessaging(account, conversations, media, payloads, publisher, policy, clock);
    }

    static SimulatorSettings.Patch defaults() {
        return new SimulatorSettings.Patch(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    BusinessMessaging.SendResult send(String body) {
        return business.send("Bearer " + TOKEN, PHONE_NUMBER_ID, SendRequestFixtures.json(body));
    }

    static String text(String to, String body) {
        return "{'messaging_product':'whatsapp','to':'+" + to + "','type':'text','text':{'body':'" + body + "'}}";
    }

    List<JsonNode> statusesOf(String messageId) {
        return published.stream()
                .filter(value -> value.has("statuses"))
                .map(value -> value.get("statuses").get(0))
                .filter(status -> status.get("id").stringValue().equals(messageId))
                .map(JsonNode.class::cast)
                .toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
