package co.wpfoods.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.payment.payment.adapter.out.scheduler.PaymentScheduler;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.stripe.StripeEvents;
import co.wpfoods.payment.payment.stripe.StripeStandIn;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.payments.PaymentCompleted;
import co.wpfoods.schemas.payments.PaymentFailed;
import co.wpfoods.schemas.payments.PaymentFailureReason;
import co.wpfoods.schemas.payments.PaymentRefunded;
import co.wpfoods.schemas.payments.PaymentRequested;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.fuzz.MalformedJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Card and cash payments end to end on real PostgreSQL and Kafka, with Stripe played by {@link StripeStandIn} (a real
 * HTTP server) reached through stripe-java.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.payment.stripe.api-key=sk_test_wpfoods",
            "wpfoods.payment.stripe.webhook-secrets=whsec_current,whsec_previous",
            "wpfoods.payment.scheduler.polling-interval=200ms",
            "wpfoods.payment.scheduler.retry-backoff=200ms",
            "wpfoods.payment.reconciliation.enabled=false"
        })
@EmbeddedInfra
@ExtendWith(OutputCaptureExtension.class)
class PaymentsIT {

    static final StripeStandIn STRIPE = start();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.payment.stripe.api-base", STRIPE::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentScheduler scheduler;

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

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @Test
    void a_card_order_gets_one_checkout_session_even_when_the_first_answer_is_lost_and_the_link_by_whatsapp()
            throws Exception {
        // given Stripe will create the session but its answer will be lost on the way back
        STRIPE.loseNextCreateAnswer();

        // when a card order of 35.000 COP is placed
        OrderPlaced order = placeCard(35_000, "573001110001");

        // then the retried request (same idempotency key, same parameters) got the same session: one exists
        PaymentRequested requested = await().atMost(WAIT).until(() -> requested(order), r -> r != null);
        var creates = STRIPE.calls("POST", "/v1/checkout/sessions").stream()
                .filter(c -> order.getOrderId().equals(c.params().get("metadata[order_id]")))
                .toList();
        assertThat(creates).hasSizeGreaterThanOrEqualTo(2);
        assertThat(creates)
                .extracting(StripeStandIn.Call::idempotencyKey)
                .containsOnly("wpfoods-checkout-" + order.getOrderId());
        assertThat(STRIPE.sessionsOfOrder(order.getOrderId())).hasSize(1);
        ObjectNode session = STRIPE.sessionsOfOrder(order.getOrderId()).getFirst();
        // and the amount went in centavos, in COP, expiring at least 30 minutes ahead
        assertThat(creates.getFirst().params())
                .containsEntry("line_items[0][price_data][unit_amount]", "3500000")
                .containsEntry("line_items[0][price_data][currency]", "cop")
                .containsEntry("mode", "payment")
                .containsEntry("locale", "es");
        assertThat(Long.parseLong(creates.getFirst().params().get("expires_at")))
                .isGreaterThanOrEqualTo(Instant.now().plusSeconds(30 * 60 - 60).getEpochSecond());
        assertThat(requested.getCheckoutUrl()).isEqualTo(session.path("url").asString());
        assertThat(requested.getAmountCop()).isEqualTo(35_000);

        // and the customer got the link as a CTA URL message, in Spanish (the order names no language)
        OutboundCommand link = await().atMost(WAIT)
                .until(() -> commandsTo("573001110001"), list -> !list.isEmpty())
                .getFirst();
        assertThat(link.getKind()).isEqualTo(OutboundKind.CTA_URL);
        assertThat(link.getInteractive().getCtaUrl())
                .isEqualTo(session.path("url").asString());
        assertThat(link.getInteractive().getBody()).startsWith("Paga $35.000 con tarjeta");
        assertThat(link.getInteractive().getHeader().getText()).isEqualTo("Pedido #" + order.getReference());
        assertThat(link.getInteractive().getCtaDisplayText()).isEqualTo("Pagar");
        assertThat(link.getInteractive().getFooter()).isEqualTo("Pago seguro con Stripe");
        assertThat(payment(order).path("payment").path("status").asString()).isEqualTo("PROCESSING");
    }

    @Test
    void a_signed_completed_session_completes_the_payment_once_with_a_receipt_and_a_replay_changes_nothing()
            throws Exception {
        String restaurant = "rest-" + UUID.randomUUID();
        OrderPlaced order = placeCard(42_000, "573001110002", restaurant);
        ObjectNode session = openSession(order);
        String paid = StripeEvents.event(
                StripeEvents.newId(),
                "checkout.session.completed",
                STRIPE.pay(session.path("id").asString()));

        // when Stripe delivers the event, signed with the current secret
        var first = webhook(paid, StripeEvents.signature(paid, Instant.now(), "whsec_current"));
        // and delivers it again
        var replay = webhook(paid, StripeEvents.signature(paid, Instant.now(), "whsec_current"));

        // then it is accepted both times, and applied once
        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().path("duplicate").asBoolean()).isTrue();
        JsonNode detail = payment(order);
        assertThat(detail.path("payment").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(detail.path("ledger")).hasSize(1);
        assertThat(detail.path("ledger").get(0).path("movement").asString()).isEqualTo("CARD_CHARGE");
        assertThat(detail.path("ledger").get(0).path("amountCop").asLong()).isEqualTo(42_000);
        assertThat(detail.path("receipt").path("number").asLong()).isEqualTo(1);
        assertThat(detail.path("receipt").path("body").asString())
                .contains(
                        "Recibo N.º 000001",
                        "Total: $42.000",
                        "IVA (19 %) incluido: $6.706",
                        "Pagado con tarjeta. ¡Gracias!");
        List<PaymentCompleted> completed =
                await().atMost(WAIT).until(() -> events(order, PaymentCompleted.class), list -> !list.isEmpty());
        assertThat(completed.getFirst().getAmountCop()).isEqualTo(42_000);
        assertThat(completed.getFirst().getProviderReference())
                .isEqualTo(STRIPE.session(session.path("id").asString())
                        .path("payment_intent")
                        .asString());
        // the receipt reaches the customer after the link
        await().atMost(WAIT).until(() -> commandsTo("573001110002").size() >= 2);
        assertThat(commandsTo("573001110002").get(1).getText().getBody()).contains("000001");
        assertThat(events(order, PaymentCompleted.class)).hasSize(1);

        // and the restaurant's next receipt is number 2; that customer chats in English, so link and receipt are
        // English
        OrderPlaced next = placeCard(20_000, "573001110012", restaurant, "en");
        ObjectNode nextSession = openSession(next);
        OutboundCommand nextLink = await().atMost(WAIT)
                .until(() -> commandsTo("573001110012"), list -> !list.isEmpty())
                .getFirst();
        assertThat(nextLink.getInteractive().getHeader().getText()).isEqualTo("Order #" + next.getReference());
        assertThat(nextLink.getInteractive().getBody()).startsWith("Pay $20.000 by card");
        assertThat(nextLink.getInteractive().getCtaDisplayText()).isEqualTo("Pay");
        assertThat(nextLink.getInteractive().getFooter()).isEqualTo("Secure payment with Stripe");
        assertThat(STRIPE.calls("POST", "/v1/checkout/sessions").stream()
                        .filter(c -> next.getOrderId().equals(c.params().get("metadata[order_id]")))
                        .map(c -> c.params().get("locale")))
                .containsOnly("en");
        String nextPaid = StripeEvents.event(
                StripeEvents.newId(),
                "checkout.session.completed",
                STRIPE.pay(nextSession.path("id").asString()));
        // signed with the previous secret during a rotation: still accepted
        assertThat(webhook(nextPaid, StripeEvents.signature(nextPaid, Instant.now(), "whsec_previous"))
                        .status())
                .isEqualTo(200);
        assertThat(payment(next).path("receipt").path("number").asLong()).isEqualTo(2);
        await().atMost(WAIT).until(() -> commandsTo("573001110012").size() >= 2);
        assertThat(commandsTo("573001110012").get(1).getText().getBody())
                .contains(
                        "Receipt No. 000002",
                        "Order #" + next.getReference(),
                        "Delivery: $5.000",
                        "VAT (19 %) included:",
                        "Paid by card. Thank you!")
                .doesNotContain("Recibo", "Pagado");
    }

    @Test
    void a_bad_or_stale_signature_is_refused_and_nothing_is_recorded() throws Exception {
        OrderPlaced order = placeCard(30_000, "573001110003");
        ObjectNode session = openSession(order);
        String eventId = StripeEvents.newId();
        String paid = StripeEvents.event(
                eventId,
                "checkout.session.completed",
                STRIPE.pay(session.path("id").asString()));

        var wrongSecret = webhook(paid, StripeEvents.signature(paid, Instant.now(), "whsec_attacker"));
        var stale = webhook(paid, StripeEvents.signature(paid, Instant.now().minusSeconds(301), "whsec_current"));
        var tampered = webhook(
                paid.replace("\"paid\"", "\"unpaid\""), StripeEvents.signature(paid, Instant.now(), "whsec_current"));
        var unsigned = webhook(paid, null);

        assertThat(List.of(wrongSecret, stale, tampered, unsigned))
                .extracting(Response::status)
                .containsOnly(400);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(payment(order).path("payment").path("status").asString()).isEqualTo("PROCESSING");
        assertThat(payment(order).path("ledger")).isEmpty();

        // and the same event, properly signed, is then accepted: nothing was spent by the refusals
        assertThat(webhook(paid, StripeEvents.signature(paid, Instant.now(), "whsec_current"))
                        .body()
                        .path("duplicate")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void events_out_of_order_end_in_the_state_the_objects_say() throws Exception {
        OrderPlaced order = placeCard(25_000, "573001110004");
        ObjectNode session = openSession(order);
        ObjectNode paidSession = STRIPE.pay(session.path("id").asString());
        ObjectNode intent = StripeEvents.object();
        intent.put("id", paidSession.path("payment_intent").asString());
        intent.put("object", "payment_intent");
        intent.put("status", "succeeded");
        intent.put("amount", 2_500_000);
        intent.set("metadata", paidSession.path("metadata").deepCopy());

        // the payment intent's success arrives first, then a late expiry notice, then the session's completion
        send(StripeEvents.event(StripeEvents.newId(), "payment_intent.succeeded", intent));
        ObjectNode expired = paidSession.deepCopy();
        expired.put("status", "expired");
        expired.put("payment_status", "unpaid");
        send(StripeEvents.event(StripeEvents.newId(), "checkout.session.expired", expired));
        send(StripeEvents.event(StripeEvents.newId(), "checkout.session.completed", paidSession));

        JsonNode detail = payment(order);
        assertThat(detail.path("payment").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(detail.path("ledger")).hasSize(1);
        await().atMost(WAIT).until(() -> !events(order, PaymentCompleted.class).isEmpty());
        assertThat(events(order, PaymentFailed.class)).isEmpty();
        assertThat(events(order, PaymentCompleted.class)).hasSize(1);
    }

    @Test
    void a_cancelled_order_that_was_paid_is_refunded_through_stripe_and_the_customer_told() throws Exception {
        OrderPlaced order = placeCard(38_000, "573001110005");
        ObjectNode session = openSession(order);
        ObjectNode paid = STRIPE.pay(session.path("id").asString());
        send(StripeEvents.event(StripeEvents.newId(), "checkout.session.completed", paid));

        // when the restaurant rejects the order
        OrderEvents.publish(kafka, order.getOrderId(), OrderEvents.cancelled(order.getOrderId(), "rest-napoli"));

        // then Stripe refunds the whole payment, once, and PaymentRefunded follows
        PaymentRefunded refunded = await().atMost(WAIT)
                .until(() -> events(order, PaymentRefunded.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(refunded.getAmountCop()).isEqualTo(38_000);
        assertThat(refunded.getTotalRefundedCop()).isEqualTo(38_000);
        assertThat(refunded.getPartial()).isFalse();
        var refundCalls = STRIPE.calls("POST", "/v1/refunds").stream()
                .filter(c ->
                        paid.path("payment_intent").asString().equals(c.params().get("payment_intent")))
                .toList();
        assertThat(refundCalls).hasSize(1);
        assertThat(refundCalls.getFirst().params()).containsEntry("amount", "3800000");
        assertThat(refundCalls.getFirst().idempotencyKey()).startsWith("wpfoods-refund-");
        JsonNode detail = payment(order);
        assertThat(detail.path("payment").path("status").asString()).isEqualTo("REFUNDED");
        assertThat(detail.path("ledger"))
                .extracting(e -> e.path("movement").asString())
                .containsExactly("CARD_CHARGE", "REFUND");
        await().atMost(WAIT)
                .until(() -> commandsTo("573001110005").stream()
                        .anyMatch(c ->
                                c.getText() != null && c.getText().getBody().contains("Te devolvimos $38.000")));
    }

    @Test
    void a_card_payment_not_made_in_time_fails_as_expired_its_session_is_closed_and_the_customer_told()
            throws Exception {
        OrderPlaced order = placeCard(27_000, "573001110006");
        ObjectNode session = openSession(order);
        String paymentId = payment(order).path("payment").path("id").asString();

        // when the payment's deadline comes (pulled forward: the test does not wait 15 minutes)
        assertThat(scheduler.runTimeoutNow(new PaymentId(paymentId))).isTrue();

        // then PaymentFailed(EXPIRED) is published and the Stripe session was expired first
        PaymentFailed failed = await().atMost(WAIT)
                .until(() -> events(order, PaymentFailed.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(failed.getReason()).isEqualTo(PaymentFailureReason.EXPIRED);
        assertThat(STRIPE.session(session.path("id").asString()).path("status").asString())
                .isEqualTo("expired");
        assertThat(payment(order).path("payment").path("status").asString()).isEqualTo("FAILED");
        await().atMost(WAIT)
                .until(() -> commandsTo("573001110006").stream()
                        .anyMatch(c ->
                                c.getText() != null && c.getText().getBody().contains("lo cancelamos")));
    }

    @Test
    void a_payment_made_just_before_the_deadline_stands_when_the_session_cannot_be_expired() throws Exception {
        OrderPlaced order = placeCard(31_000, "573001110007");
        ObjectNode session = openSession(order);
        STRIPE.pay(session.path("id").asString()); // paid at Stripe; its webhook has not arrived yet
        String paymentId = payment(order).path("payment").path("id").asString();

        scheduler.runTimeoutNow(new PaymentId(paymentId));

        await().atMost(WAIT).until(() -> !events(order, PaymentCompleted.class).isEmpty());
        assertThat(events(order, PaymentFailed.class)).isEmpty();
        assertThat(payment(order).path("payment").path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void ops_refund_a_missing_item_partially_and_cannot_refund_more_than_was_paid() throws Exception {
        OrderPlaced order = placeCard(40_000, "573001110008");
        ObjectNode session = openSession(order);
        send(StripeEvents.event(
                StripeEvents.newId(),
                "checkout.session.completed",
                STRIPE.pay(session.path("id").asString())));
        String paymentId = payment(order).path("payment").path("id").asString();

        var partial = rest(
                HttpMethod.POST,
                "/api/payments/" + paymentId + "/refunds",
                "{\"amountCop\":12000,\"reason\":\"faltó la gaseosa\"}");
        assertThat(partial.status()).isEqualTo(202);
        PaymentRefunded refunded = await().atMost(WAIT)
                .until(() -> events(order, PaymentRefunded.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(refunded.getPartial()).isTrue();
        assertThat(refunded.getAmountCop()).isEqualTo(12_000);
        assertThat(refunded.getReason()).isEqualTo("faltó la gaseosa");
        assertThat(payment(order).path("payment").path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");

        var tooMuch = rest(
                HttpMethod.POST,
                "/api/payments/" + paymentId + "/refunds",
                "{\"amountCop\":28001,\"reason\":\"todo\"}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body().path("detail").asString()).contains("28000");
        assertThat(rest(HttpMethod.GET, "/api/payments/refunds?paymentId=" + paymentId, null)
                        .body()
                        .path("items"))
                .hasSize(1);
        assertThat(rest(HttpMethod.GET, "/api/payments?size=101", null).status())
                .isEqualTo(400);
    }

    @Test
    void a_refund_stripe_answers_pending_is_settled_by_its_event_and_one_made_at_stripe_is_recorded() throws Exception {
        OrderPlaced order = placeCard(50_000, "573001110011");
        ObjectNode session = openSession(order);
        ObjectNode paid = STRIPE.pay(session.path("id").asString());
        send(StripeEvents.event(StripeEvents.newId(), "checkout.session.completed", paid));
        String paymentId = payment(order).path("payment").path("id").asString();

        // given Stripe accepts refunds as pending
        STRIPE.answerRefundsPending(true);
        try {
            rest(
                    HttpMethod.POST,
                    "/api/payments/" + paymentId + "/refunds",
                    "{\"amountCop\":10000,\"reason\":\"faltó el postre\"}");
            JsonNode submitted = await().atMost(WAIT)
                    .until(
                            () -> rest(HttpMethod.GET, "/api/payments/refunds?paymentId=" + paymentId, null)
                                    .body()
                                    .path("items")
                                    .get(0),
                            r -> r != null
                                    && "SUBMITTED".equals(r.path("status").asString()));
            assertThat(events(order, PaymentRefunded.class)).isEmpty();

            // when Stripe tells it succeeded
            ObjectNode refund = STRIPE.refunds().stream()
                    .filter(r -> submitted
                            .path("providerReference")
                            .asString()
                            .equals(r.path("id").asString()))
                    .findFirst()
                    .orElseThrow()
                    .deepCopy();
            refund.put("status", "succeeded");
            send(StripeEvents.event(StripeEvents.newId(), "refund.updated", refund));
        } finally {
            STRIPE.answerRefundsPending(false);
        }

        // then it is booked once, partial
        PaymentRefunded first = await().atMost(WAIT)
                .until(() -> events(order, PaymentRefunded.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(first.getAmountCop()).isEqualTo(10_000);
        assertThat(first.getPartial()).isTrue();

        // and a refund made in Stripe's dashboard is recorded too
        ObjectNode dashboard = StripeEvents.object();
        dashboard.put("id", "re_dashboard_1");
        dashboard.put("object", "refund");
        dashboard.put("amount", 500_000);
        dashboard.put("currency", "cop");
        dashboard.put("status", "succeeded");
        dashboard.put("payment_intent", paid.path("payment_intent").asString());
        send(StripeEvents.event(StripeEvents.newId(), "refund.created", dashboard));
        JsonNode detail = payment(order);
        assertThat(detail.path("payment").path("refundedCop").asLong()).isEqualTo(15_000);
        assertThat(detail.path("ledger"))
                .extracting(e -> e.path("reference").asString())
                .contains("re_dashboard_1", first.getProviderReference());
        await().atMost(WAIT).until(() -> events(order, PaymentRefunded.class).size() == 2);
    }

    @Test
    void cash_is_requested_at_once_and_settled_when_the_order_is_delivered() throws Exception {
        OrderPlaced order = OrderEvents.placed(PaymentMethod.CASH, 33_000, "rest-napoli", "573001110009");
        OrderEvents.publish(kafka, order.getOrderId(), order);

        PaymentRequested requested = await().atMost(WAIT).until(() -> requested(order), r -> r != null);
        assertThat(requested.getCheckoutUrl()).isNull();
        assertThat(payment(order).path("payment").path("cashChangeForCop").asLong())
                .isEqualTo(50_000);

        OrderEvents.publish(kafka, order.getOrderId(), OrderEvents.delivered(order.getOrderId(), "rest-napoli"));

        PaymentCompleted completed = await().atMost(WAIT)
                .until(() -> events(order, PaymentCompleted.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(completed.getProvider()).isEqualTo("cash");
        assertThat(payment(order).path("ledger").get(0).path("movement").asString())
                .isEqualTo("CASH_COLLECTION");
        assertThat(STRIPE.sessionsOfOrder(order.getOrderId())).isEmpty();
    }

    @Test
    void ops_find_the_api_described_in_openapi() {
        var docs = rest(HttpMethod.GET, "/api/payments/openapi", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames())
                .contains(
                        "/api/payments",
                        "/api/payments/{paymentId}",
                        "/api/payments/{paymentId}/refunds",
                        "/api/payments/refunds",
                        "/api/payments/reconciliation");
    }

    @Test
    void no_card_data_reaches_our_database_or_logs_even_when_stripe_sends_some(CapturedOutput logs) throws Exception {
        OrderPlaced order = placeCard(29_000, "573001110010");
        ObjectNode session = openSession(order);
        ObjectNode paid = STRIPE.pay(session.path("id").asString());
        ObjectNode charge = StripeEvents.object();
        charge.put("id", "ch_test_1");
        charge.put("object", "charge");
        charge.put("payment_intent", paid.path("payment_intent").asString());
        ObjectNode card = charge.putObject("payment_method_details").putObject("card");
        card.put("brand", "visa");
        card.put("last4", "4242");
        card.put("exp_month", 12);
        card.put("exp_year", 2034);
        card.put("fingerprint", "Xt5EWLLDS7FJjR1c");
        charge.putObject("billing_details").put("name", "Camila Restrepo Card");
        send(StripeEvents.event(StripeEvents.newId(), "charge.succeeded", charge));
        send(StripeEvents.event(StripeEvents.newId(), "checkout.session.completed", paid));
        assertThat(payment(order).path("payment").path("status").asString()).isEqualTo("COMPLETED");

        // every text column of every table of ours
        List<String> columns = jdbc.sql("SELECT table_name || '.' || column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')")
                .query(String.class)
                .list();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            long found = jdbc.sql("SELECT count(*) FROM " + parts[0] + " WHERE encode(convert_to(" + parts[1]
                            + "::text, 'UTF8'), 'escape') ~ '(4242|Xt5EWLLDS7FJjR1c|Camila Restrepo Card|2034)'")
                    .query(Long.class)
                    .single();
            assertThat(found).as(column).isZero();
        }
        // and every bytea column, by the values' bytes (its text form is hex, where a ciphertext or hash may spell
        // "4242" by chance)
        List<String> binary = jdbc.sql("SELECT table_name || '.' || column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND data_type = 'bytea'")
                .query(String.class)
                .list();
        for (String column : binary) {
            String[] parts = column.split("\\.");
            for (String value : List.of("4242", "Xt5EWLLDS7FJjR1c", "Camila Restrepo Card", "2034")) {
                long found = jdbc.sql("SELECT count(*) FROM " + parts[0]
                                + " WHERE position(convert_to(:value, 'UTF8') in " + parts[1] + ") > 0")
                        .param("value", value)
                        .query(Long.class)
                        .single();
                assertThat(found).as(column + " holding " + value).isZero();
            }
        }
        assertThat(logs.getAll()).doesNotContain("Xt5EWLLDS7FJjR1c", "Camila Restrepo Card", "\"last4\"");
    }

    // ---- helpers

    OrderPlaced placeCard(long total, String waId) throws Exception {
        return placeCard(total, waId, "rest-napoli");
    }

    OrderPlaced placeCard(long total, String waId, String restaurant) throws Exception {
        return placeCard(total, waId, restaurant, null);
    }

    OrderPlaced placeCard(long total, String waId, String restaurant, String language) throws Exception {
        OrderPlaced order = OrderEvents.placed(PaymentMethod.CARD, total, restaurant, waId);
        order.setLanguage(language);
        OrderEvents.publish(kafka, order.getOrderId(), order);
        return order;
    }

    ObjectNode openSession(OrderPlaced order) {
        await().atMost(WAIT)
                .until(() -> payment(order).path("payment").path("status").asString(""), "PROCESSING"::equals);
        return STRIPE.sessionsOfOrder(order.getOrderId()).getFirst();
    }

    void send(String event) {
        var response = webhook(event, StripeEvents.signature(event, Instant.now(), "whsec_current"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    JsonNode payment(OrderPlaced order) {
        var page = rest(HttpMethod.GET, "/api/payments?orderId=" + order.getOrderId(), null)
                .body();
        if (page.path("items").isEmpty()) {
            return JSON.createObjectNode();
        }
        String id = page.path("items").get(0).path("id").asString();
        return rest(HttpMethod.GET, "/api/payments/" + id, null).body();
    }

    PaymentRequested requested(OrderPlaced order) {
        var list = events(order, PaymentRequested.class);
        return list.isEmpty() ? null : list.getFirst();
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

    // jqwik fuzzing of the Stripe webhook: correctly signed bodies that are not a Stripe event get a 400 with a reason,
    // never a 5xx, and are not recorded as processed

    @Test
    void signed_malformed_stripe_deliveries_get_a_400_with_a_reason_and_are_not_processed() {
        long before = jdbc.sql("SELECT count(*) FROM inbox WHERE consumer = 'payment-service.stripe-webhooks'")
                .query(Long.class)
                .single();
        var bodies = MalformedJson.bodies(
                Map.of(
                        "id", "\"evt_fuzz\"",
                        "type", "\"checkout.session.completed\"",
                        "data", "{\"object\":{\"id\":\"cs_fuzz\"}}"),
                Map.of(
                        "id",
                        Arrays.asList(null, "null", "[]", "{}"),
                        "type",
                        Arrays.asList(null, "null", "[]", "{}"),
                        "data",
                        Arrays.asList(
                                null,
                                "null",
                                "[]",
                                "{}",
                                "\"datos\"",
                                "{\"object\":[]}",
                                "{\"object\":\"cs_fuzz\"}",
                                "{\"object\":null}")));

        bodies.sampleStream().limit(40).forEach(body -> {
            Response response = webhook(body, StripeEvents.signature(body, Instant.now(), "whsec_current"));
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().path("detail").asString("")).as(body).isNotBlank();
        });

        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE consumer = 'payment-service.stripe-webhooks'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    record Response(int status, JsonNode body) {}

    Response webhook(String payload, String signature) {
        var request = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/payments/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.exchange(
                (req, res) -> read(res.getStatusCode().value(), res.getBody().readAllBytes()));
    }

    Response rest(HttpMethod method, String uri, String body) {
        var request = RestClient.create("http://localhost:" + port)
                .method(method)
                .uri(uri)
                .header("Authorization", TestTokens.ops());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange(
                (req, res) -> read(res.getStatusCode().value(), res.getBody().readAllBytes()));
    }

    static Response read(int status, byte[] bytes) {
        return new Response(status, bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes));
    }

    static StripeStandIn start() {
        try {
            return new StripeStandIn();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
