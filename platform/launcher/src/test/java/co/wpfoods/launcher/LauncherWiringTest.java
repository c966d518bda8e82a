package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherWiringTest {

    LauncherOptions options = LauncherOptions.parse("up", "--repo", "/srv/wpfoods", "--port-offset", "1000");

    @Test
    void defaults_to_up_with_data_in_the_repository_and_every_service() {
        var defaults = LauncherOptions.parse("--repo", "/srv/wpfoods");

        assertThat(defaults.command()).isEqualTo("up");
        assertThat(defaults.dataDir()).isEqualTo(Path.of("/srv/wpfoods/.data"));
        assertThat(defaults.logDir()).isEqualTo(Path.of("/srv/wpfoods/.data/logs"));
        assertThat(defaults.services())
                .containsExactlyElementsOf(Services.NAMES)
                .hasSize(8);
        assertThat(defaults.seed()).isTrue();
    }

    @Test
    void refuses_unknown_options_and_services() {
        assertThatThrownBy(() -> LauncherOptions.parse("up", "--colour"))
                .hasMessageContaining("Unknown option --colour");
        assertThatThrownBy(() -> LauncherOptions.parse("up", "--services", "gateway,kitchen-service"))
                .hasMessageContaining("kitchen-service");
    }

    @Test
    void the_simulator_delivers_webhooks_to_the_gateway_signed_with_the_secret_the_gateway_checks() {
        var simulator = Services.spec("whatsapp-simulator", options);
        var gateway = Services.spec("gateway", options);

        assertThat(simulator.port()).isEqualTo(9090);
        assertThat(simulator.arguments())
                .contains("--simulator.webhook.url=http://localhost:9080/webhooks/whatsapp")
                .contains("--simulator.webhook.app-secret=" + Services.APP_SECRET)
                .contains("--simulator.webhook.verify-token=" + Services.VERIFY_TOKEN);
        assertThat(gateway.arguments())
                .contains("--server.port=9080")
                .contains("--wpfoods.gateway.meta.app-secret=" + Services.APP_SECRET)
                .contains("--wpfoods.gateway.meta.verify-token=" + Services.VERIFY_TOKEN)
                .contains("--wpfoods.gateway.services.webhook-service=http://localhost:9081");
    }

    @Test
    void messaging_service_sends_to_the_simulator_with_the_token_the_simulator_accepts() {
        var messaging = Services.spec("messaging-service", options);
        var simulator = Services.spec("whatsapp-simulator", options);

        assertThat(messaging.arguments()).contains("--wpfoods.messaging.graph.base-url=http://localhost:9090");
        assertThat(simulator.arguments()).contains("--simulator.access-token=" + Services.ACCESS_TOKEN);
        assertThat(messaging.arguments()).anyMatch(a -> a.endsWith("=" + Services.ACCESS_TOKEN));
        assertThat(messaging.arguments()).anyMatch(a -> a.endsWith("=" + Services.PHONE_NUMBER_ID));
    }

    @Test
    void the_local_card_page_is_served_by_payment_service_and_its_webhooks_go_through_the_gateway_signed() {
        var payment = Services.spec("payment-service", options);
        var gateway = Services.spec("gateway", options);

        assertThat(payment.arguments())
                .contains("--wpfoods.payment.local-card.public-base-url=http://localhost:9084")
                .contains("--wpfoods.payment.local-card.webhook-url=http://localhost:9080/api/payments/webhooks/stripe")
                .contains("--wpfoods.payment.stripe.webhook-secrets=" + Services.STRIPE_WEBHOOK_SECRET);
        assertThat(gateway.arguments()).contains("--wpfoods.gateway.services.payment-service=http://localhost:9084");
    }

    @Test
    void ai_service_downloads_voice_notes_from_the_simulator_with_the_token_the_simulator_accepts() {
        assertThat(Services.spec("ai-service", options).arguments())
                .contains("--wpfoods.ai.transcription.media-base-url=http://localhost:9090")
                .contains("--wpfoods.ai.transcription.media-token=" + Services.ACCESS_TOKEN);
    }

    @Test
    void each_service_with_state_gets_its_own_database_on_the_one_postgres_and_the_one_kafka() {
        List<Services.Spec> specs = Services.NAMES.stream()
                .map(name -> Services.spec(name, options))
                .toList();

        assertThat(specs)
                .filteredOn(spec -> spec.database() != null)
                .extracting(Services.Spec::name)
                .containsExactlyInAnyOrder(
                        "webhook-service",
                        "order-service",
                        "dispatch-service",
                        "payment-service",
                        "ai-service",
                        "messaging-service");
        assertThat(Services.spec("order-service", options).arguments())
                .contains("--wpfoods.outbox.poll-interval=" + Services.LOCAL_OUTBOX_POLL_INTERVAL)
                .contains("--spring.datasource.url=jdbc:postgresql://localhost:16432/order_service")
                .contains("--spring.kafka.bootstrap-servers=localhost:20092")
                .contains("--wpfoods.order.ai.base-url=" + options.ports().url("ai-service"));
        assertThat(Services.spec("dispatch-service", options).arguments())
                .as("rapitenderos' typed words (recogido, entregado 1234) are read by the platform's ai-service")
                .contains("--wpfoods.dispatch.ai.base-url=" + options.ports().url("ai-service"));
        assertThat(specs).extracting(Services.Spec::port).doesNotHaveDuplicates();
        assertThat(Services.spec("order-service", options).jar())
                .isEqualTo(Path.of("/srv/wpfoods/order-service/target/order-service-0.1.0-SNAPSHOT-exec.jar"));
    }
}
