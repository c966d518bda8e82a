package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.order.catalog.application.PublishingMenu;
import co.wpfoods.order.catalog.application.RegisteringRestaurant;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.order.consent.adapter.out.db.V6__Consent_ledger;
import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.Step;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.Customer;
import co.wpfoods.order.ordering.domain.DeliveryAddress;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.order.ordering.domain.PaymentMethod;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.consent.ConsentPurpose;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ley 1581 in the customer chat and for ops, through the real topics, embedded PostgreSQL and KRaft Kafka:
 * "mis datos" answers what we hold, "borrar mis datos" asks for a button and starts an erasure that order-service
 * both takes part in and coordinates; the other services' confirmations are published as they would publish them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpfoods.order.ai.base-url=http://127.0.0.1:9"})
@co.wpfoods.testing.EmbeddedInfra
class CustomerDataRightsIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<String> OTHERS =
            List.of("dispatch-service", "payment-service", "messaging-service", "webhook-service", "ai-service");

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    RegisteringRestaurant registering;

    @Autowired
    PublishingMenu publishing;

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    Consents consents;

    @Autowired
    Conversations conversations;

    @Autowired
    V6__Consent_ledger ledgerMigration;

    @LocalServerPort
    int port;

    static Chat chat;
    static ErasureTopic erasures;
    static Restaurant fonda;

    @BeforeEach
    void once() {
        if (chat != null) {
            return;
        }
        chat = new Chat(kafka);
        erasures = new ErasureTopic();
        fonda = registering.register(new RegisteringRestaurant.Command(
                "Fonda de Privacidad",
                List.of(new WaId("573109997701")),
                "Calle 60 # 9-32",
                new GeoLocation(4.6486, -74.0636),
                "Chapinero",
                new StoreSettings(OpeningHours.ALWAYS, 3000, Cop.of(5000), 25, false)));
        publishing.publish(
                fonda.id(),
                true,
                List.of(new MenuItem("pv-ajiaco", "Ajiaco", null, "Sopas", Cop.of(28_900), true, List.of())));
    }

    @AfterAll
    static void close() {
        if (chat != null) {
            chat.close();
            erasures.close();
        }
    }

    @Test
    void a_customer_who_asks_to_be_forgotten_is_forgotten_everywhere_here_while_their_order_totals_stay() {
        // given Valentina consented, ordered once (delivered) and asked what we hold
        var valentina = chat.customer("573209990001", "Valentina Ospina");
        valentina.says("hola");
        var question = valentina.hears();
        assertThat(question.body()).contains("política de datos 2026-11");
        Instant beforeAccepting = Instant.now();
        valentina.taps(question, "Acepto");
        assertThat(valentina.hears().body()).contains("Gracias");
        // (her "Acepto" is in the consent ledger with its time and the policy version the question showed)
        assertThat(consents.history(valentina.waId)).singleElement().satisfies(grant -> {
            assertThat(grant.purpose()).isEqualTo(ConsentPurpose.PERSONAL_DATA);
            assertThat(grant.granted()).isTrue();
            assertThat(grant.policyVersion()).isEqualTo("2026-11");
            assertThat(grant.recordedAt()).isBetween(beforeAccepting.minusSeconds(1), Instant.now());
        });
        var order = deliveredOrder(valentina.waId, "Valentina Ospina", "Carrera 7 # 72-41 Apto 502");
        long total = order.totals().total().value();
        long iva = order.totals().iva().value();
        drain(valentina);

        valentina.says("no más promociones");
        assertThat(valentina.hears().body()).startsWith("Listo, no te enviaremos más promociones");

        valentina.says("mis datos");
        var summary = valentina.hearsAbout("Esto guardamos sobre ti");
        assertThat(summary.body())
                .contains("Valentina Ospina")
                .containsPattern(
                        "– datos personales: aceptado el [^\\n]+ \\(política 2026-11\\)\\n   – promociones: retirado el ")
                .contains("Pedidos: 1 (el último, #" + order.reference().value());

        // (her number is in our tables only as a keyed hash and ciphertexts, which the erasure must remove too)
        String numberHash = HexFormat.of().formatHex(lookupHash.hash(valentina.waId));
        var db = JdbcClient.create(dataSource);
        List<String> ciphertexts = db.sql("""
                        SELECT encode(customer_name_enc, 'hex') FROM customer_order WHERE id = :id
                        UNION ALL SELECT encode(delivery_address_enc, 'hex') FROM customer_order WHERE id = :id
                        UNION ALL SELECT encode(state_enc, 'hex') FROM conversation WHERE person_hash = :hash
                        """)
                .param("id", order.id().value())
                .param("hash", lookupHash.hash(valentina.waId))
                .query(String.class)
                .list();
        assertThat(ciphertexts).hasSize(3);
        assertThat(new PersonalDataScan(dataSource).find(numberHash).get(numberHash))
                .containsKeys("customer_order", "conversation", "security_consent_event");

        // when she asks to delete her data and confirms with the button
        valentina.says("por favor borren mis datos");
        var ask = valentina.hearsAbout("¿Quieres que borremos tus datos?");
        assertThat(ask.options()).containsExactly("Sí, borrar", "No, conservar");
        valentina.taps(ask, "Sí, borrar");
        assertThat(valentina.hears().body()).startsWith("Estamos borrando tus datos");

        // then every service is asked, with her orders, and order-service confirms its own part
        var requested = erasures.awaitRequest(valentina.waId, PATIENCE);
        assertThat(requested.getOrderIds()).containsExactly(order.id().value());
        assertThat(requested.getRequestedBy()).isEqualTo("CHAT");
        String erasureId = requested.getErasureId();
        var own = erasures.awaitConfirmation(erasureId, "order-service", PATIENCE);
        assertThat(own.getRowsAnonymized()).isEqualTo(1);
        assertThat(report(erasureId).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(report(erasureId).get("waitingFor").size()).isEqualTo(5);

        // when every other service confirms
        OTHERS.forEach(service -> erasures.confirmAs(erasureId, service));

        // then she is told, with the fallback template named for a closed 24-hour window
        var done = valentina.hearsAbout("borramos tus datos de todos nuestros sistemas");
        assertThat(done.command().getFallbackTemplate().getName()).isEqualTo("datos_borrados");
        var report = await().atMost(PATIENCE)
                .until(() -> report(erasureId), r -> r.get("status").asString().equals("COMPLETED"));
        assertThat(report.get("services").size()).isEqualTo(6);
        report.get("services")
                .forEach(s -> assertThat(s.get("confirmed").asBoolean()).isTrue());

        // and no table holds her number, name or address (the outbox rows are gone once published)
        var scan = new PersonalDataScan(dataSource);
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(scan.holding(valentina.waId, "Valentina", "Ospina", "Carrera 7 # 72-41"))
                                .isEmpty());
        // nor their keyed hash (the consent ledger forgot her too) or the ciphertexts she had
        assertThat(scan.holding(numberHash)).isEmpty();
        assertThat(consents.history(valentina.waId)).isEmpty();
        assertThat(scan.holding(ciphertexts.toArray(String[]::new))).isEmpty();
        // while the order stays for tax with its totals
        var kept = JdbcClient.create(dataSource)
                .sql("SELECT status, total_cop, iva_cop FROM customer_order WHERE id = :id")
                .param("id", order.id().value())
                .query((rs, n) -> Map.of("status", rs.getString(1), "total", rs.getLong(2), "iva", rs.getLong(3)))
                .single();
        assertThat(kept)
                .containsEntry("status", "DELIVERED")
                .containsEntry("total", total)
                .containsEntry("iva", iva);
    }

    @Test
    void an_english_customer_can_change_their_mind_and_sees_what_we_hold() {
        var john = chat.customer("573209990002", "John Smith");
        john.says("delete my data please");
        var ask = john.hearsAbout("Do you want us to delete your data?");
        john.taps(ask, "No, keep it");
        assertThat(john.hears().body()).isEqualTo("OK, nothing was deleted.");

        john.says("my data");
        var summary = john.hearsAbout("This is what we hold about you");
        assertThat(summary.body()).contains("not given").contains("Orders: none");

        // a withdrawal from someone who never consented is answered in their language and records nothing about them
        john.says("no more promotions");
        assertThat(john.hears().body())
                .isEqualTo("Done, we won't send you any more promotions. You can keep ordering whenever you like.");
        assertThat(consents.history(john.waId)).isEmpty();
        assertThat(report("e-none-" + john.waId)).isNull();
    }

    @Test
    void a_customer_who_consented_before_the_ledger_existed_has_that_grant_recorded_and_is_not_asked_again()
            throws Exception {
        // given Camila consented on 20 November, when consent was kept only in her conversation
        String camila = "573209990005";
        var before = new CustomerChat();
        before.consentAt = Instant.parse("2026-11-20T15:00:00Z");
        before.step = Step.HOME;
        before.name = "Camila Reyes";
        conversations.save(camila, before);
        assertThat(consents.history(camila)).isEmpty();

        // when the migration that brought the ledger records the consents kept in conversations (twice: idempotent)
        try (var connection = dataSource.getConnection()) {
            assertThat(ledgerMigration.recordConsentsKeptInConversations(connection))
                    .isPositive();
            ledgerMigration.recordConsentsKeptInConversations(connection);
        }

        // then her grant carries the time she consented and the policy version of that time, once
        assertThat(consents.history(camila)).singleElement().satisfies(grant -> {
            assertThat(grant.purpose()).isEqualTo(ConsentPurpose.PERSONAL_DATA);
            assertThat(grant.granted()).isTrue();
            assertThat(grant.policyVersion()).isEqualTo("2026-11");
            assertThat(grant.recordedAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        });
        // and she is not asked again, and "mis datos" shows it
        var person = chat.customer(camila, "Camila Reyes");
        person.says("hola");
        assertThat(person.hears().kind()).isEqualTo(OutboundKind.LOCATION_REQUEST);
        person.says("mis datos");
        assertThat(person.hearsAbout("Esto guardamos sobre ti").body())
                .contains("– datos personales: aceptado el ")
                .contains("(política 2026-11)");
    }

    @Test
    void a_customer_with_an_order_under_way_is_asked_to_wait() {
        var laura = chat.customer("573209990003", "Laura Rojas");
        placedOrder(laura.waId, "Laura Rojas");
        laura.says("borrar mis datos");
        laura.taps(laura.hearsAbout("¿Quieres que borremos"), "Sí, borrar");
        assertThat(laura.hears().body()).startsWith("Tienes el pedido #");

        var response = post("{\"waId\":\"" + laura.waId + "\"}", TestTokens.ops());
        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void ops_start_an_erasure_by_rest_and_only_ops_may() {
        assertThat(post("{\"waId\":\"+57 320 999 0004\"}", null).statusCode()).isEqualTo(401);
        assertThat(post(
                                "{\"waId\":\"573209990004\"}",
                                TestTokens.restaurant(fonda.id().value()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("{\"waId\":\"12\"}", TestTokens.ops()).statusCode()).isEqualTo(400);
        assertThat(post("{\"waId\":\"573209990004\",\"language\":\"fr\"}", TestTokens.ops())
                        .statusCode())
                .isEqualTo(400);

        var started = post("{\"waId\":\"+57 320 999 0004\"}", TestTokens.ops());
        assertThat(started.statusCode()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("id").asString();
        var again = post("{\"waId\":\"573209990004\"}", TestTokens.ops());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(id);
        assertThat(erasures.awaitRequest("573209990004", PATIENCE).getRequestedBy())
                .isEqualTo("OPS");

        assertThat(get("/api/orders/privacy/erasures?size=101", TestTokens.ops())
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/orders/privacy/erasures?size=5", TestTokens.ops()).statusCode())
                .isEqualTo(200);
    }

    Order deliveredOrder(String waId, String name, String address) {
        return transaction.execute(tx -> {
            var placed = place(waId, name, address);
            var now = Instant.now();
            var o = placed.confirm(20, "staff", now).order();
            o = o.startPreparing("staff", now).order();
            o = o.ready("staff", now).order();
            o = o.pickedUp("Camilo", new GeoLocation(4.65, -74.06), now).order();
            o = o.delivered(now).order();
            orders.add(o);
            return o;
        });
    }

    Order placedOrder(String waId, String name) {
        return transaction.execute(tx -> {
            var o = place(waId, name, "Calle 85 # 15-20");
            orders.add(o);
            return o;
        });
    }

    Order place(String waId, String name, String address) {
        var draft = new Order.Draft(
                new Customer(waId, waId, null, name),
                fonda,
                List.of(new OrderLine("pv-ajiaco", "Ajiaco", 1, Cop.of(28_900), List.of(), "sin alcaparras")),
                PaymentMethod.CASH,
                null,
                new DeliveryAddress(address, new GeoLocation(4.6571, -74.0555)),
                "timbre dañado, llamar");
        return Order.place(draft, OrderId.newId(), orders.nextReference(), "4821", Instant.now())
                .order();
    }

    static void drain(Chat.Person person) {
        // everything said so far has been read
        while (chat.to(person.waId).size() > person.cursor) {
            person.hears();
        }
    }

    JsonNode report(String id) {
        var response = get("/api/orders/privacy/erasures/" + id, TestTokens.ops());
        return response.statusCode() == 404 ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> post(String body, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders/privacy/erasures"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token)
                .GET()
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
