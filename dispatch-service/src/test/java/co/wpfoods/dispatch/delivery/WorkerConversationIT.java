package co.wpfoods.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.Delivered;
import co.wpfoods.schemas.dispatch.OfferDeclined;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rapitendero's chat end to end through the real topics (embedded PostgreSQL + KRaft Kafka): orders arrive on
 * {@code orders.order.v1}, the worker writes on {@code wa.inbound.worker.v1}, dispatch answers on {@code wa.outbound.v1}
 * and announces on {@code dispatch.delivery.v1} / {@code dispatch.worker.v1}. ai-service is not running: free text
 * falls back to buttons. Each test works in its own zone, so pools never mix.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.dispatch.batch-window=500ms",
            "wpfoods.dispatch.offer-ttl=4s",
            "wpfoods.dispatch.scheduler-polling-interval=100ms",
            "wpfoods.dispatch.location-check-interval=300ms",
            "wpfoods.dispatch.delayed-after=8s",
            "wpfoods.dispatch.fail-after=20s",
            "wpfoods.dispatch.ai.base-url=http://127.0.0.1:9",
        })
@EmbeddedInfra
class WorkerConversationIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger NUMBERS = new AtomicInteger(100);
    static final Chat chat = new Chat();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupHash lookupHash;

    @AfterAll
    static void close() {
        chat.close();
    }

    @Test
    void a_rapitendero_confirms_goes_online_and_delivers_with_the_customers_pin_in_spanish() {
        // given Camilo is registered by ops
        String camilo = register("Camilo Rojas", "z-chapinero", "es");
        String workerId = workerId(camilo);
        chat.awaitReply(camilo, "Bienvenido a WPFoods");

        // when he confirms and goes online sharing his location
        chat.tap(camilo, "welcome:confirm");
        chat.awaitReply(camilo, "¡Listo, Camilo!");
        chat.tap(camilo, "worker:online");
        chat.awaitReply(camilo, "necesito tu ubicación");
        chat.location(camilo, 4.6501, -74.0601);
        chat.awaitReply(camilo, "Estás conectado");
        chat.awaitEvent(workerId, "WorkerOnline");

        // and a cash order is confirmed nearby
        chat.placeAndConfirm("o-es-1", "z-chapinero", 4.65, -74.06, "4821", 50_000L);

        // then he is offered it with the pickup area, distance, pay and the change note
        String offer = chat.awaitReply(camilo, "Nuevo pedido #").stream()
                .filter(l -> l.contains("Nuevo pedido"))
                .findFirst()
                .orElseThrow();
        assertThat(offer)
                .contains(
                        "La Brasa Rola (z-chapinero)",
                        "km de ti",
                        "Ganancia estimada: $",
                        "con $50.000: lleva $15.000 de cambio",
                        "[Aceptar]");
        chat.awaitEvent("o-es-1", "OfferSent");

        // when he accepts: restaurant, address, location and the order number
        chat.acceptOffer(camilo, "¡Es tuyo!");
        assertThat(chat.awaitReply(camilo, "📍 La Brasa Rola")).anyMatch(l -> l.contains("Carrera 13 # 82-10"));
        chat.awaitEvent("o-es-1", "WorkerAssigned");

        // the restaurant marks it ready; he picks it up and gets the customer's address and location
        chat.ready("o-es-1");
        chat.awaitReply(camilo, "está listo para recoger");
        chat.tap(camilo, "delivery:o-es-1:picked");
        assertThat(chat.awaitReply(camilo, "Recogido ✅"))
                .anyMatch(
                        l -> l.contains("Calle 85 # 11-20") && l.contains("Laura") && l.contains("$15.000 de cambio"));
        chat.awaitReply(camilo, "📍 Laura");
        chat.awaitEvent("o-es-1", "PickedUp");

        // at the door: "entregado", then the PIN
        chat.tap(camilo, "delivery:o-es-1:delivered");
        chat.awaitReply(camilo, "PIN de 4 dígitos");
        chat.text(camilo, "el pin es 4821");
        String delivered = chat.awaitReply(camilo, "¡Entregado!").stream()
                .filter(l -> l.contains("¡Entregado!"))
                .findFirst()
                .orElseThrow();
        chat.awaitEvent("o-es-1", "Delivered");

        // a duplicate "entregado" is told, and nothing is delivered or paid twice
        chat.tap(camilo, "delivery:o-es-1:delivered");
        chat.awaitReply(camilo, "ya quedó entregado");
        assertThat(chat.eventTypes("o-es-1").stream().filter("Delivered"::equals))
                .hasSize(1);
        Delivered event = (Delivered) chat.events("o-es-1").stream()
                .filter(Delivered.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(event.getWorkerId()).isEqualTo(workerId);
        assertThat(event.getDistanceMeters()).isBetween(2_000, 2_400);

        // his earnings by chat and for ops agree, booked once
        JsonNode today = get("/api/dispatch/workers/" + workerId + "/earnings?period=today");
        long total = today.get("totalCop").asLong();
        assertThat(today.get("deliveries").asInt()).isEqualTo(1);
        assertThat(delivered).contains(String.format("%,d", total).replace(',', '.'));
        chat.tap(camilo, "worker:earnings");
        chat.awaitReply(camilo, "(1 entregas)");

        // and ops mark the payout
        JsonNode payout = post("/api/dispatch/workers/" + workerId + "/payouts", "{\"reference\":\"nequi-123\"}", 201);
        assertThat(payout.get("amountCop").asLong()).isEqualTo(total);
        post("/api/dispatch/workers/" + workerId + "/payouts", "{}", 422);
    }

    @Test
    void an_expired_offer_goes_to_the_next_best_worker_in_english() {
        // given two online workers, Ana next to the restaurant and Ben a kilometre away
        String ana = onlineWorker("Ana Smith", "z-usaquen", "en", 4.7001, -74.0301);
        String ben = onlineWorker("Ben Jones", "z-usaquen", "en", 4.7100, -74.0300);

        // when a cash order is confirmed there, its customer not saying which bill they pay with
        chat.placeAndConfirmCash("o-en-1", "z-usaquen", 4.70, -74.03, "1111");

        // then Ana, the nearest, is offered it first, told what she would collect
        assertThat(chat.awaitReply(ana, "New order #"))
                .anyMatch(l -> l.contains("Cash order: you collect COP 35,000."));
        assertThat(chat.received(ben)).noneMatch(l -> l.contains("New order"));

        // and when she lets it expire, she is told and Ben gets it
        chat.awaitReply(ana, "no longer available");
        chat.awaitEvent("o-en-1", "OfferExpired");
        chat.awaitReply(ben, "New order #");
        chat.acceptOffer(ben, "It is yours!");
        chat.awaitEvent("o-en-1", "WorkerAssigned");
        assertThat(chat.received(ana).stream().filter(l -> l.contains("New order")))
                .hasSize(1);

        // the offer went as buttons with an approved template to fall back on outside the 24-hour window
        OutboundCommand offer = chat.commands(ben).stream()
                .filter(c -> c.getFallbackTemplate() != null && c.getInteractive() != null)
                .filter(c -> c.getInteractive().getBody().contains("New order"))
                .findFirst()
                .orElseThrow();
        assertThat(offer.getFallbackTemplate().getName()).isEqualTo("oferta_pedido");
        assertThat(offer.getFallbackTemplate().getLanguageCode()).isEqualTo("en");
    }

    @Test
    void a_wrong_pin_three_times_is_told_each_time_and_alerts_ops() {
        // given Diana picked up an order
        String diana = onlineWorker("Diana Pérez", "z-kennedy", "es", 4.6281, -74.1381);
        chat.placeAndConfirmCash("o-pin-1", "z-kennedy", 4.628, -74.138, "7777");
        assertThat(chat.awaitReply(diana, "Nuevo pedido #"))
                .anyMatch(l -> l.contains("Pago en efectivo: cobras $35.000."));
        chat.acceptOffer(diana, "¡Es tuyo!");
        chat.tap(diana, "delivery:o-pin-1:picked");
        assertThat(chat.awaitReply(diana, "Recogido ✅")).anyMatch(l -> l.contains("Cobra $35.000 en efectivo."));

        // when she types three wrong PINs
        chat.tap(diana, "delivery:o-pin-1:delivered");
        chat.awaitReply(diana, "PIN de 4 dígitos");
        chat.text(diana, "1234");
        chat.awaitReply(diana, "Te quedan 2 intentos");
        chat.text(diana, "2345");
        chat.awaitReply(diana, "Te queda 1 intento.");
        chat.text(diana, "3456");

        // then she is told support will call, ops have an alert, and the order is not delivered
        chat.awaitReply(diana, "no coincidió 3 veces");
        assertThat(get("/api/dispatch/alerts").toString()).contains("PIN_FAILED", "o-pin-1");
        assertThat(chat.eventTypes("o-pin-1")).doesNotContain("Delivered");
        assertThat(jdbc.sql("SELECT count(*) FROM earning WHERE order_id = 'o-pin-1'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void going_offline_with_an_offer_pending_passes_it_to_another_worker() {
        // given Eva has an offer and Fabio is online further away
        String eva = onlineWorker("Eva Gómez", "z-suba", "es", 4.7111, -74.1101);
        chat.placeAndConfirm("o-off-1", "z-suba", 4.711, -74.110, "2222", null);
        chat.awaitReply(eva, "Nuevo pedido #");
        String fabio = onlineWorker("Fabio Ruiz", "z-suba", "es", 4.7200, -74.1100);

        // when Eva goes offline before answering
        chat.tap(eva, "worker:offline");

        // then the offer is declined for her, she is offline, and Fabio is offered the order
        chat.awaitReply(eva, "Dejamos pasar el pedido");
        chat.awaitReply(eva, "Te desconectaste");
        chat.awaitEvent(workerId(eva), "WorkerOffline");
        chat.awaitEvent("o-off-1", "OfferDeclined");
        OfferDeclined declined = (OfferDeclined) chat.events("o-off-1").stream()
                .filter(OfferDeclined.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(declined.getReason()).isEqualTo("offline");
        chat.awaitReply(fabio, "Nuevo pedido #");
    }

    @Test
    void a_cancelled_order_is_withdrawn_and_problems_and_free_text_reach_the_right_place() {
        // given Gina holds an offer
        String gina = onlineWorker("Gina Torres", "z-centro", "es", 4.6031, -74.0721);
        chat.placeAndConfirm("o-can-1", "z-centro", 4.603, -74.072, "3333", null);
        chat.awaitReply(gina, "Nuevo pedido #");

        // when the customer cancels, she is told and her answer no longer counts
        chat.cancel("o-can-1");
        chat.awaitReply(gina, "fue cancelado");
        chat.acceptOffer(gina, "ya no está vigente");
        assertThat(chat.eventTypes("o-can-1")).doesNotContain("WorkerAssigned");

        // free text she types while ai-service is down gets the options as buttons
        chat.text(gina, "oiga y eso?");
        chat.awaitReply(gina, "No te entendí");

        // and a problem on a delivery reaches ops
        chat.placeAndConfirm("o-can-2", "z-centro", 4.603, -74.072, "4444", null);
        chat.awaitReply(gina, "Nuevo pedido #");
        chat.acceptOffer(gina, "¡Es tuyo!");
        chat.tap(gina, "worker:problem");
        chat.awaitReply(gina, "¿Qué pasa con el pedido");
        chat.tap(gina, "problem:o-can-2:CUSTOMER_UNREACHABLE");
        chat.awaitReply(gina, "Avisamos a soporte");
        assertThat(get("/api/dispatch/problems").toString()).contains("o-can-2", "CUSTOMER_UNREACHABLE");
    }

    @Test
    void an_order_nobody_can_take_is_reported_delayed_then_given_up_by_policy() {
        // given an order confirmed in a zone where no rapitendero is online
        chat.placeAndConfirm("o-none-1", "z-sumapaz", 4.20, -74.20, "5555", null);

        // then after delayed-after it is reported delayed (ops alerted), after fail-after given up
        chat.awaitEvent("o-none-1", "DeliveryDelayed");
        assertThat(get("/api/dispatch/alerts").toString()).contains("NO_WORKER_DELAYED", "o-none-1");
        chat.awaitEvent("o-none-1", "DeliveryFailed");
        co.wpfoods.schemas.dispatch.DeliveryFailed failed =
                (co.wpfoods.schemas.dispatch.DeliveryFailed) chat.events("o-none-1").stream()
                        .filter(co.wpfoods.schemas.dispatch.DeliveryFailed.class::isInstance)
                        .findFirst()
                        .orElseThrow();
        assertThat(failed.getReason()).isEqualTo(co.wpfoods.schemas.dispatch.DeliveryFailureReason.NO_WORKER);
        assertThat(chat.eventTypes("o-none-1").stream().filter("DeliveryDelayed"::equals))
                .hasSize(1);
    }

    @Test
    void online_workers_whose_location_went_stale_get_no_offer_and_are_asked_once_to_share_it_again() {
        // given Eva (Spanish) and Finn (English) are online in z-suba, but their last locations are older than the
        // freshness (location-stale-after, 10 min)
        String eva = onlineWorker("Eva Gómez", "z-suba", "es", 4.7401, -74.0901);
        String finn = onlineWorker("Finn Walsh", "z-suba", "en", 4.7402, -74.0902);
        for (String waId : new String[] {eva, finn}) {
            jdbc.sql("UPDATE worker_state SET located_at = now() - interval '11 minutes' WHERE worker_id = :id")
                    .param("id", workerId(waId))
                    .update();
        }

        // when an order is confirmed next to them
        chat.placeAndConfirm("o-stale-1", "z-suba", 4.74, -74.09, "2468", null);

        // then each is asked by chat, in their language, to share the location again
        chat.awaitReply(eva, "Tu ubicación ya no está al día");
        chat.awaitReply(finn, "Your location is out of date");
        // once per staleness period (the check runs every 300 ms), and neither is offered the order meanwhile
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> chat.count(eva, "ya no está al día") == 1
                        && chat.count(finn, "out of date") == 1
                        && chat.count(eva, "Nuevo pedido") == 0
                        && chat.count(finn, "New order") == 0);
        assertThat(chat.eventTypes("o-stale-1")).doesNotContain("OfferSent");

        // when Eva shares it she is told she is online and gets the offer; Finn, still stale, does not
        chat.location(eva, 4.7401, -74.0901);
        chat.awaitReply(eva, "Ya estás conectado");
        chat.awaitReply(eva, "Nuevo pedido #");
        chat.awaitEvent("o-stale-1", "OfferSent");
        assertThat(chat.count(finn, "New order")).isZero();
    }

    @Test
    void a_suspended_worker_loses_the_pending_offer_is_told_and_cannot_go_online_until_reinstated() {
        // given Gabi is online next to a restaurant with an offer pending, and Hugo a little farther
        String gabi = onlineWorker("Gabriela Ruiz", "z-fontibon", "es", 4.6701, -74.1401);
        String gabiId = workerId(gabi);
        chat.placeAndConfirm("o-susp-1", "z-fontibon", 4.67, -74.14, "1357", null);
        chat.awaitReply(gabi, "Nuevo pedido #");
        String hugo = onlineWorker("Hugo Díaz", "z-fontibon", "es", 4.6800, -74.1400);

        // when ops suspend her
        put("/api/dispatch/workers/" + gabiId + "/suspension", "{\"reason\":\"documentos vencidos\"}", 204);

        // then she is told, taken offline, the offer is declined for her and goes to Hugo
        chat.awaitReply(gabi, "está suspendida");
        chat.awaitEvent(gabiId, "WorkerOffline");
        chat.awaitEvent("o-susp-1", "OfferDeclined");
        assertThat(chat.events("o-susp-1").stream()
                        .filter(OfferDeclined.class::isInstance)
                        .map(e -> ((OfferDeclined) e).getReason()))
                .contains("suspended");
        chat.awaitReply(hugo, "Nuevo pedido #");
        assertThat(get("/api/dispatch/alerts").toString()).contains("WORKER_SUSPENDED", gabiId);
        put("/api/dispatch/workers/" + gabiId + "/suspension", "{}", 409);

        // and she cannot go online while suspended
        chat.tap(gabi, "worker:online");
        chat.awaitReply(gabi, "no puedes conectarte");
        assertThat(jdbc.sql("SELECT online FROM worker_state WHERE worker_id = :id")
                        .param("id", gabiId)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        // when ops reinstate her she is told and can go online again
        delete("/api/dispatch/workers/" + gabiId + "/suspension", 204);
        chat.awaitReply(gabi, "tu cuenta está activa de nuevo");
        delete("/api/dispatch/workers/" + gabiId + "/suspension", 409);
        chat.tap(gabi, "worker:online");
        chat.awaitReply(gabi, "Estás conectado");
        delete("/api/dispatch/workers/w-nobody/suspension", 404);
    }

    @Test
    void ops_acknowledge_alerts_and_only_ops_or_worker_admin_suspend_workers() {
        // given a worker and an open alert (the suspension of another worker raises one)
        String ivan = register("Iván Mora", "z-bosa", "es");
        String ivanId = workerId(ivan);
        String juana = register("Juana Cruz", "z-bosa", "en");
        String juanaId = workerId(juana);
        put("/api/dispatch/workers/" + juanaId + "/suspension", "{\"reason\":\"prueba\"}", 204);
        chat.awaitReply(juana, "account is suspended");
        long alertId = alertOf(juanaId);

        // then without a token nothing changes, and restaurants or services are refused
        String suspension = "/api/dispatch/workers/" + ivanId + "/suspension";
        assertThat(call("PUT", suspension, null)).isEqualTo(401);
        assertThat(call("POST", "/api/dispatch/alerts/" + alertId + "/acknowledge", null))
                .isEqualTo(401);
        for (String token : new String[] {TestTokens.restaurant("r-1"), TestTokens.service()}) {
            assertThat(call("PUT", suspension, token)).isEqualTo(403);
            assertThat(call("DELETE", suspension, token)).isEqualTo(403);
            assertThat(call("POST", "/api/dispatch/alerts/" + alertId + "/acknowledge", token))
                    .isEqualTo(403);
        }
        // worker-admin manages workers but not the ops alert queue
        assertThat(call("POST", "/api/dispatch/alerts/" + alertId + "/acknowledge", TestTokens.workerAdmin()))
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT suspended FROM worker WHERE id = :id")
                        .param("id", ivanId)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(call("PUT", suspension, TestTokens.workerAdmin())).isEqualTo(204);
        assertThat(call("DELETE", suspension, TestTokens.workerAdmin())).isEqualTo(204);

        // when ops acknowledge the alert it leaves the open list, once
        assertThat(call("POST", "/api/dispatch/alerts/" + alertId + "/acknowledge", TestTokens.ops()))
                .isEqualTo(204);
        assertThat(get("/api/dispatch/alerts").findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(alertId);
        assertThat(call("POST", "/api/dispatch/alerts/" + alertId + "/acknowledge", TestTokens.ops()))
                .isEqualTo(404);
        assertThat(call("POST", "/api/dispatch/alerts/999999999/acknowledge", TestTokens.ops()))
                .isEqualTo(404);
    }

    long alertOf(String workerId) {
        for (JsonNode alert : get("/api/dispatch/alerts")) {
            if (alert.path("workerId").toString().equals("\"" + workerId + "\"")) {
                return alert.get("id").asLong();
            }
        }
        throw new AssertionError("no open alert for " + workerId);
    }

    int call(String method, String path, String authorization) {
        var request = RestClient.create("http://localhost:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        if ("PUT".equals(method)) {
            request = request.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        return request.exchange((req, res) -> res.getStatusCode().value());
    }

    void put(String path, String body, int status) {
        int got = http().put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(got).as("PUT " + path).isEqualTo(status);
    }

    void delete(String path, int status) {
        int got = http().delete()
                .uri(path)
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(got).as("DELETE " + path).isEqualTo(status);
    }

    @Test
    void a_worker_who_has_not_confirmed_is_asked_to_confirm_whatever_they_send_and_then_goes_online() {
        // given Iván is registered by ops but has not confirmed yet
        String ivan = register("Iván Mora", "z-puente-aranda", "es");
        chat.awaitReply(ivan, "Bienvenido a WPFoods");

        // when he taps Conectarme, then he is asked to confirm first, with the button
        chat.tap(ivan, "worker:online");
        chat.awaitReply(ivan, "Primero confirma tu registro");

        // when he shares his location, he is asked again (each message gets its answer)
        chat.location(ivan, 4.6701, -74.1401);
        await().atMost(Duration.ofSeconds(60)).until(() -> chat.count(ivan, "Primero confirma tu registro") == 2);
        assertThat(chat.commands(ivan).stream()
                        .filter(c -> c.getInteractive() != null)
                        .filter(c -> c.getInteractive().getButtons().stream()
                                .anyMatch(b -> b.getId().equals("welcome:confirm"))))
                .hasSize(3);

        // when he confirms with that button, the location he shared lets him go online at once
        chat.tap(ivan, chat.lastButton(ivan, "welcome:"));
        chat.awaitReply(ivan, "¡Listo, Iván!");
        chat.tap(ivan, "worker:online");
        chat.awaitReply(ivan, "Estás conectado");
        chat.awaitEvent(workerId(ivan), "WorkerOnline");

        // and a location shared while online is acknowledged with his options
        chat.location(ivan, 4.6702, -74.1402);
        assertThat(chat.awaitReply(ivan, "Recibí tu ubicación"))
                .anyMatch(l -> l.contains("Recibí tu ubicación") && l.contains("[Desconectarme]"));

        // a deactivated worker is told so instead of silence
        jdbc.sql("UPDATE worker SET active = false WHERE wa_id_hash = :w")
                .param("w", lookupHash.hash(ivan))
                .update();
        chat.tap(ivan, "worker:online");
        chat.awaitReply(ivan, "no está activa");
    }

    @Test
    void a_worker_who_greets_gets_a_greeting_with_the_buttons_of_where_they_are() {
        // given Julia is confirmed but offline
        String julia = register("Julia Vargas", "z-teusaquillo", "es");
        chat.awaitReply(julia, "Bienvenido a WPFoods");
        chat.tap(julia, "welcome:confirm");
        chat.awaitReply(julia, "¡Listo, Julia!");

        // when she writes "hola", she is greeted with Conectarme
        chat.text(julia, "hola");
        assertThat(chat.awaitReply(julia, "¡Hola, Julia!"))
                .anyMatch(l -> l.startsWith("¡Hola, Julia!") && l.contains("[Conectarme]"))
                .noneMatch(l -> l.contains("No te entendí"));

        // once online, "buenas" offers Desconectarme
        chat.tap(julia, "worker:online");
        chat.awaitReply(julia, "necesito tu ubicación");
        chat.location(julia, 4.6401, -74.0801);
        chat.awaitReply(julia, "Estás conectado");
        chat.text(julia, "Buenas!");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> chat.received(julia).stream()
                        .anyMatch(l -> l.startsWith("¡Hola, Julia!") && l.contains("[Desconectarme]")));

        // with a delivery under way, the greeting carries its next step
        chat.placeAndConfirm("o-hola-1", "z-teusaquillo", 4.640, -74.080, "6060", null);
        chat.awaitReply(julia, "Nuevo pedido #");
        chat.acceptOffer(julia, "¡Es tuyo!");
        chat.text(julia, "hola");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> chat.received(julia).stream()
                        .anyMatch(l -> l.startsWith("¡Hola, Julia!") && l.contains("[Recogido]")));
        assertThat(chat.received(julia)).noneMatch(l -> l.contains("No te entendí"));

        // an English worker saying "hello" is greeted in English
        String kate = register("Kate Brown", "z-teusaquillo", "en");
        chat.awaitReply(kate, "Welcome to WPFoods");
        chat.tap(kate, "welcome:confirm");
        chat.awaitReply(kate, "All set, Kate!");
        chat.text(kate, "hello");
        assertThat(chat.awaitReply(kate, "Hi, Kate!"))
                .anyMatch(l -> l.startsWith("Hi, Kate!") && l.contains("[Go online]"));
    }

    @Test
    void a_worker_who_writes_english_is_answered_in_english_and_can_ask_for_spanish_and_back() {
        // given Leo, registered without a language (Spanish, the default), has confirmed
        String leo = register("Leo Park", "z-engativa", null);
        chat.awaitReply(leo, "Bienvenido a WPFoods");
        chat.tap(leo, "welcome:confirm");
        chat.awaitReply(leo, "¡Listo, Leo!");

        // when he writes in English, he is answered in English, and so are his taps from then on
        chat.text(leo, "hello");
        assertThat(chat.awaitReply(leo, "Hi, Leo!"))
                .anyMatch(l -> l.startsWith("Hi, Leo!") && l.contains("[Go online]"));
        assertThat(language(leo)).isEqualTo("en");
        chat.tap(leo, "worker:online");
        chat.awaitReply(leo, "I need your current location");

        // when he asks for Spanish, he is told, and the step he is on is asked again in Spanish
        chat.text(leo, "en español por favor");
        chat.awaitReply(leo, "Listo, te escribo en español.");
        chat.awaitReply(leo, "Para conectarte necesito tu ubicación");
        assertThat(language(leo)).isEqualTo("es");
        chat.location(leo, 4.7001, -74.1101);
        chat.awaitReply(leo, "Estás conectado");

        // and "English please" brings English back, with his options
        chat.text(leo, "English please");
        chat.awaitReply(leo, "Sure, I will write to you in English.");
        assertThat(chat.awaitReply(leo, "You are online ✅. I will tell you"))
                .anyMatch(l -> l.startsWith("You are online") && l.contains("[Go offline]"));
        assertThat(language(leo)).isEqualTo("en");
    }

    @Test
    void a_worker_registered_in_english_who_writes_spanish_is_answered_in_spanish() {
        // given Mia was registered in English and is online
        String mia = onlineWorker("Mia Clark", "z-engativa", "en", 4.7101, -74.1101);

        // when she writes in Spanish
        chat.text(mia, "buenas");

        // then she is answered in Spanish from then on
        assertThat(chat.awaitReply(mia, "¡Hola, Mia!"))
                .anyMatch(l -> l.startsWith("¡Hola, Mia!") && l.contains("[Desconectarme]"));
        assertThat(language(mia)).isEqualTo("es");
        chat.tap(mia, "worker:earnings");
        chat.awaitReply(mia, "Tus ganancias");
    }

    @Test
    void a_redelivered_message_is_handled_once() {
        String hugo = register("Hugo Díaz", "z-bosa", "es");
        chat.awaitReply(hugo, "Bienvenido");
        var confirm = co.wpfoods.testing.fixtures.InboundMessages.text(hugo, "x", co.wpfoods.schemas.wa.Role.WORKER);
        confirm.setType(co.wpfoods.schemas.wa.InboundMessageType.INTERACTIVE);
        confirm.setText(null);
        confirm.setReply(co.wpfoods.schemas.wa.ReplyContent.newBuilder()
                .setKind(co.wpfoods.schemas.wa.ReplyKind.BUTTON_REPLY)
                .setId("welcome:confirm")
                .build());
        chat.sendTwice(Topics.WhatsApp.INBOUND_WORKER, hugo, confirm);
        chat.awaitReply(hugo, "¡Listo, Hugo!");
        chat.tap(hugo, "worker:earnings");
        chat.awaitReply(hugo, "Tus ganancias");
        assertThat(chat.received(hugo).stream().filter(l -> l.contains("¡Listo, Hugo!")))
                .hasSize(1);
    }

    // ---- helpers

    /** A client with room for a cold first request on a busy machine. */
    RestClient http() {
        var factory = new org.springframework.http.client.JdkClientHttpRequestFactory();
        factory.setReadTimeout(Duration.ofSeconds(60));
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(factory)
                .defaultHeader("Authorization", TestTokens.ops())
                .build();
    }

    String onlineWorker(String name, String zone, String language, double latitude, double longitude) {
        String waId = register(name, zone, language);
        chat.goOnline(waId, language, latitude, longitude);
        return waId;
    }

    String register(String name, String zone, String language) {
        String waId = "5730055" + String.format("%05d", NUMBERS.incrementAndGet());
        post(
                "/api/dispatch/workers",
                "{\"name\":\"%s\",\"waId\":\"%s\",\"zone\":\"%s\"%s}"
                        .formatted(name, waId, zone, language == null ? "" : ",\"language\":\"" + language + "\""),
                201);
        return waId;
    }

    String language(String waId) {
        return jdbc.sql("SELECT language FROM worker WHERE wa_id_hash = :w")
                .param("w", lookupHash.hash(waId))
                .query(String.class)
                .single();
    }

    String workerId(String waId) {
        return jdbc.sql("SELECT id FROM worker WHERE wa_id_hash = :w")
                .param("w", lookupHash.hash(waId))
                .query(String.class)
                .single();
    }

    JsonNode get(String path) {
        return http().get().uri(path).exchange((req, res) -> {
            assertThat(res.getStatusCode().value()).isEqualTo(200);
            return JSON.readTree(res.getBody().readAllBytes());
        });
    }

    JsonNode post(String path, String body, int status) {
        return http().post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    assertThat(res.getStatusCode().value())
                            .as(new String(bytes))
                            .isEqualTo(status);
                    return bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
                });
    }
}
