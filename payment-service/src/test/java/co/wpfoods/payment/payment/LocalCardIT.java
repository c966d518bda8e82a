package co.wpfoods.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.payments.PaymentCompleted;
import co.wpfoods.schemas.payments.PaymentFailed;
import co.wpfoods.schemas.payments.PaymentFailureReason;
import co.wpfoods.schemas.payments.PaymentRefunded;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With no Stripe key (the default and local runs): the link opens the local card page served by payment-service, a
 * click pays, declines or lets the payment expire, and the page's signed Stripe-shaped events reach the webhook over
 * HTTP, as a browser user would see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@EmbeddedInfra
class LocalCardIT {

    static final int PORT = freePort();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void local(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("wpfoods.payment.local-card.public-base-url", () -> "http://localhost:" + PORT);
        registry.add(
                "wpfoods.payment.local-card.webhook-url",
                () -> "http://localhost:" + PORT + "/api/payments/webhooks/stripe");
        registry.add("wpfoods.payment.scheduler.polling-interval", () -> "200ms");
        registry.add("wpfoods.payment.reconciliation.enabled", () -> "false");
    }

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    KafkaTestConsumer paymentsTopic;
    KafkaTestConsumer outbound;

    @BeforeEach
    void listen() {
        paymentsTopic = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Payments.PAYMENT);
        outbound = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND);
    }

    @AfterEach
    void stopListening() {
        paymentsTopic.close();
        outbound.close();
    }

    @Test
    void a_customer_pays_on_the_local_card_page_and_the_payment_completes_through_the_signed_webhook()
            throws Exception {
        // given a card order that names no language, and the link the customer received: in Spanish, not Stripe's
        OrderPlaced order = placeCard(35_000, "573002220001");
        OutboundCommand message = linkMessageOf("573002220001");
        String link = message.getInteractive().getCtaUrl();
        assertThat(link).startsWith("http://localhost:" + PORT + "/local-card/checkout/cs_local_");
        assertThat(message.getInteractive().getBody()).startsWith("Paga $35.000 con tarjeta");
        assertThat(message.getInteractive().getCtaDisplayText()).isEqualTo("Pagar");
        assertThat(message.getInteractive().getFooter()).isEqualTo("Pago con tarjeta en línea");

        // when they open it
        var page = http(HttpMethod.GET, link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("$35.000", "id=\"pay\"", "id=\"decline\"", "id=\"expire\"");
        assertThat(page.body()).contains("<html lang=\"es\">", "Pago de prueba", ">Pagar<", ">Dejar vencer<");
        assertThat(page.body()).doesNotContain("<input");

        // and click Pagar
        var done = http(HttpMethod.POST, link + "/pay");
        assertThat(done.body()).contains("Pago aprobado");

        // then the payment completes with the local provider, once
        PaymentCompleted completed = await().atMost(WAIT)
                .until(() -> events(order, PaymentCompleted.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(completed.getProvider()).isEqualTo("local-card");
        assertThat(completed.getProviderReference()).startsWith("pi_local_");
        assertThat(completed.getAmountCop()).isEqualTo(35_000);
        // and the receipt is in Spanish
        await().atMost(WAIT)
                .until(() -> commandsTo("573002220001").stream()
                        .anyMatch(c -> c.getText() != null
                                && c.getText().getBody().contains("Recibo N.º")
                                && c.getText().getBody().contains("Pagado con tarjeta. ¡Gracias!")));
        // a second click changes nothing
        assertThat(http(HttpMethod.POST, link + "/pay").body()).contains("ya no está abierto");

        // and when the order is cancelled afterwards, the local provider refunds it
        OrderEvents.publish(kafka, order.getOrderId(), OrderEvents.cancelled(order.getOrderId(), "rest-napoli"));
        PaymentRefunded refunded = await().atMost(WAIT)
                .until(() -> events(order, PaymentRefunded.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(refunded.getProviderReference()).startsWith("re_local_");
        assertThat(events(order, PaymentCompleted.class)).hasSize(1);
    }

    @Test
    void an_english_customer_is_written_to_in_english_declined_cards_can_try_again_and_expiry_fails_the_payment()
            throws Exception {
        // given a card order placed by a customer who chats in English
        OrderPlaced order = placeCard(26_000, "573002220002", "en");

        // then the link, the page, the decline and the expiry speak English
        OutboundCommand message = linkMessageOf("573002220002");
        assertThat(message.getInteractive().getBody()).startsWith("Pay $26.000 by card");
        assertThat(message.getInteractive().getCtaDisplayText()).isEqualTo("Pay");
        assertThat(message.getInteractive().getFooter()).isEqualTo("Online card payment");
        String link = message.getInteractive().getCtaUrl();
        var page = http(HttpMethod.GET, link).body();
        assertThat(page).contains("<html lang=\"en\">", "Test payment", ">Pay<", ">Card declined<", ">Let it expire<");
        assertThat(page).doesNotContain("Pagar", "Dejar vencer");

        assertThat(http(HttpMethod.POST, link + "/decline").body()).contains("Card declined. You can try again.");
        await().atMost(WAIT)
                .until(() -> commandsTo("573002220002").stream()
                        .anyMatch(c -> c.getText() != null
                                && c.getText()
                                        .getBody()
                                        .equals("Your card was declined. You can try again with the same link.")));
        assertThat(events(order, PaymentFailed.class)).isEmpty();

        assertThat(http(HttpMethod.POST, link + "/expire").body()).contains("The payment expired.");
        PaymentFailed failed = await().atMost(WAIT)
                .until(() -> events(order, PaymentFailed.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(failed.getReason()).isEqualTo(PaymentFailureReason.EXPIRED);
        await().atMost(WAIT)
                .until(() -> commandsTo("573002220002").stream()
                        .anyMatch(c -> c.getText() != null
                                && c.getText().getBody().startsWith("We did not receive the payment for order #")));
    }

    @Test
    void reconciliation_reports_a_payment_the_provider_took_but_we_did_not_record() throws Exception {
        Instant from = Instant.now().minusSeconds(5);
        OrderPlaced order = placeCard(22_000, "573002220003");
        String link = linkOf("573002220003");
        http(HttpMethod.POST, link + "/expire");
        await().atMost(WAIT).until(() -> !events(order, PaymentFailed.class).isEmpty());
        // the provider's books say paid (a charge we never heard of)
        jdbc.sql("UPDATE local_card_session SET status = 'complete', payment_status = 'paid' WHERE order_id = :o")
                .param("o", order.getOrderId())
                .update();

        var report = RestClient.create("http://localhost:" + PORT)
                .post()
                .uri("/api/payments/reconciliation")
                .header("Authorization", TestTokens.ops())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"from\":\"" + from + "\",\"to\":\"" + Instant.now().plusSeconds(1) + "\"}")
                .retrieve()
                .body(String.class);
        JsonNode json = JSON.readTree(report);

        assertThat(json.path("differences").findValuesAsString("kind")).contains("PAID_NOT_RECORDED");
        assertThat(json.path("differences").findValuesAsString("orderId")).contains(order.getOrderId());
        assertThat(meters.get("wpfoods.payments.reconciliation.differences")
                        .tag("kind", "PAID_NOT_RECORDED")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
        var stored = RestClient.create("http://localhost:" + PORT)
                .get()
                .uri("/api/payments/reconciliation/" + json.path("id").asString())
                .header("Authorization", TestTokens.ops())
                .retrieve()
                .body(String.class);
        assertThat(stored).contains(order.getOrderId());
    }

    OrderPlaced placeCard(long total, String waId) throws Exception {
        return placeCard(total, waId, null);
    }

    OrderPlaced placeCard(long total, String waId, String language) throws Exception {
        OrderPlaced order = OrderEvents.placed(PaymentMethod.CARD, total, "rest-napoli", waId);
        order.setLanguage(language);
        OrderEvents.publish(kafka, order.getOrderId(), order);
        return order;
    }

    String linkOf(String waId) {
        return linkMessageOf(waId).getInteractive().getCtaUrl();
    }

    OutboundCommand linkMessageOf(String waId) {
        return await().atMost(WAIT)
                .until(
                        () -> commandsTo(waId).stream()
                                .filter(c -> c.getKind() == OutboundKind.CTA_URL)
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
    }

    <T extends SpecificRecord> List<T> events(OrderPlaced order, Class<T> type) {
        return paymentsTopic.poll().stream()
                .filter(r -> order.getOrderId().equals(r.key()))
                .map(r -> AvroSerde.standard().decode(r.value()))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    List<OutboundCommand> commandsTo(String waId) {
        return outbound.poll().stream()
                .filter(r -> waId.equals(r.key()))
                .map(r -> AvroSerde.standard().decode(r.value(), OutboundCommand.class))
                .toList();
    }

    record Page(int status, String body) {}

    static Page http(HttpMethod method, String url) {
        return RestClient.create()
                .method(method)
                .uri(url)
                .exchange((req, res) -> new Page(
                        res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
