package co.wpfoods.launcher;

import co.wpfoods.testing.process.ServiceProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The services of the platform and how they are wired to each other for a local run. Everything is passed as Spring
 * command-line properties (which win over each module's own defaults) plus the environment variables the modules
 * document. Secrets are local-development values shared by both sides of each connection.
 */
public final class Services {

    /** In start order; the simulator is last because its webhook target (the gateway) should be up first. */
    public static final List<String> NAMES = List.of(
            "gateway",
            "webhook-service",
            "order-service",
            "dispatch-service",
            "payment-service",
            "ai-service",
            "messaging-service",
            "whatsapp-simulator");

    /** Local-development values only; nothing here is a real credential. */
    public static final String APP_SECRET = "wpfoods-local-app-secret";

    public static final String VERIFY_TOKEN = "wpfoods-local-verify-token";
    public static final String ACCESS_TOKEN = "wpfoods-local-access-token";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String WABA_ID = "102290129340398";
    public static final String BUSINESS_NUMBER = "573150000000";
    public static final String GRAPH_VERSION = "v23.0";
    /** Signs the local card page's Stripe-shaped webhooks; payment-service checks them with it. */
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_wpfoods-local";

    /** How often each service's outbox relay hands over what it read, in a local run (see {@link #spec}). */
    public static final String LOCAL_OUTBOX_POLL_INTERVAL = "50ms";

    /** JVM options for a laptop: small heap, serial GC, C1 only (fast start, little compiler memory). */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Xshare:auto",
            "-XX:+EnableDynamicAgentLoading",
            "-Dfile.encoding=UTF-8",
            "-Duser.timezone=America/Bogota");

    private Services() {}

    /** How one service is started. */
    public record Spec(String name, int port, String database, Path jar, List<String> arguments) {}

    public static boolean hasDatabase(String name) {
        return !name.equals("gateway") && !name.equals("whatsapp-simulator");
    }

    public static String databaseOf(String name) {
        return name.replace('-', '_');
    }

    public static Path jarOf(Path repo, String name) {
        return ServiceProcess.executableJar(repo, name);
    }

    public static Spec spec(String name, LauncherOptions options) {
        Ports ports = options.ports();
        int port = ports.of(name);
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--spring.kafka.bootstrap-servers=" + ports.kafkaBootstrap());
        args.add("--management.endpoint.health.show-details=never");
        // every Kafka client prints its whole configuration at INFO: hundreds of lines per service at each start
        args.add("--logging.level.org.apache.kafka=WARN");
        String database = null;
        if (hasDatabase(name)) {
            database = databaseOf(name);
            String url = "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=postgres");
            args.add("--spring.datasource.hikari.maximum-pool-size=5");
            // Debezium's queue spins through the last millisecond of each poll interval: at the eventing default
            // (10 ms) an idle relay keeps a tenth of a core busy, six of them most of a laptop core; 50 ms makes it
            // a fiftieth, for at most 50 ms more on each event's way to Kafka
            args.add("--wpfoods.outbox.poll-interval=" + LOCAL_OUTBOX_POLL_INTERVAL);
        }
        if (!name.equals("whatsapp-simulator")) {
            // tokens from this run's local issuer, personal-data keysets (LocalSecurity)
            args.addAll(LocalSecurity.serviceArguments(options.dataDir()));
        }
        switch (name) {
            case "gateway" -> {
                args.add("--wpfoods.gateway.meta.app-secret=" + APP_SECRET);
                args.add("--wpfoods.gateway.meta.verify-token=" + VERIFY_TOKEN);
                for (String target : List.of(
                        "webhook-service", "order-service", "dispatch-service", "payment-service", "ai-service")) {
                    args.add("--wpfoods.gateway.services." + target + "=" + ports.url(target));
                }
            }
            case "messaging-service" -> {
                String graph = ports.url("whatsapp-simulator");
                args.add("--wpfoods.messaging.graph.base-url=" + graph);
                args.add("--wpfoods.messaging.graph.api-version=" + GRAPH_VERSION);
                args.add("--wpfoods.messaging.graph.access-token=" + ACCESS_TOKEN);
                args.add("--wpfoods.messaging.graph.phone-number-id=" + PHONE_NUMBER_ID);
            }
            case "payment-service" -> {
                // no Stripe key locally (unless STRIPE_API_KEY is exported): the CTA link opens payment-service's
                // local card page, whose signed Stripe-shaped webhooks go through the gateway like Stripe's would
                args.add("--wpfoods.payment.local-card.public-base-url=" + ports.url("payment-service"));
                args.add("--wpfoods.payment.local-card.webhook-url=" + ports.url("gateway")
                        + "/api/payments/webhooks/stripe");
                args.add("--wpfoods.payment.stripe.webhook-secrets=" + STRIPE_WEBHOOK_SECRET);
            }
            case "order-service" -> {
                args.add("--wpfoods.order.ai.base-url=" + ports.url("ai-service"));
                args.add("--wpfoods.order.messaging.base-url=" + ports.url("messaging-service"));
            }
            case "dispatch-service" -> args.add("--wpfoods.dispatch.ai.base-url=" + ports.url("ai-service"));
            case "ai-service" -> {
                // voice notes are fetched from the simulator's Graph media endpoints (once a Groq key is set)
                args.add("--wpfoods.ai.transcription.media-base-url=" + ports.url("whatsapp-simulator"));
                args.add("--wpfoods.ai.transcription.media-token=" + ACCESS_TOKEN);
            }
            case "whatsapp-simulator" -> {
                args.add("--simulator.webhook.url=" + ports.url("gateway") + "/webhooks/whatsapp");
                args.add("--simulator.webhook.app-secret=" + APP_SECRET);
                args.add("--simulator.webhook.verify-token=" + VERIFY_TOKEN);
                args.add("--simulator.access-token=" + ACCESS_TOKEN);
                args.add("--simulator.phone-number-id=" + PHONE_NUMBER_ID);
                args.add("--simulator.waba-id=" + WABA_ID);
                args.add("--simulator.display-phone-number=" + BUSINESS_NUMBER);
                args.add("--simulator.graph-api-version=" + GRAPH_VERSION);
                args.add("--simulator.public-base-url=" + ports.url("whatsapp-simulator"));
            }
            default -> {}
        }
        return new Spec(name, port, database, jarOf(options.repo(), name), List.copyOf(args));
    }
}
