package co.wpfoods.dispatch.delivery;

import static co.wpfoods.dispatch.delivery.AiStandIn.intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Short replies through the real topics with ai-service answering over HTTP (a stand-in speaking its JSON): the
 * intent call carries our last question to the worker as {@code context.lastMessages}, a yes to an offer accepts it,
 * a typed number picks that line of our last options, and the client is warmed up once at start, outside the breaker.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.dispatch.batch-window=500ms",
            "wpfoods.dispatch.offer-ttl=30s",
            "wpfoods.dispatch.scheduler-polling-interval=100ms",
            "wpfoods.dispatch.ai.timeout=5s",
        })
@EmbeddedInfra
class WorkerShortRepliesIT {

    static final AiStandIn AI = AiStandIn.start();
    static final AtomicInteger NUMBERS = new AtomicInteger(100);
    static final Chat chat = new Chat();

    @DynamicPropertySource
    static void ai(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.dispatch.ai.base-url", AI::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        chat.close();
        AI.close();
    }

    @Test
    void the_ai_client_is_warmed_up_once_at_start() {
        await("dispatch-service's ai-service client warmed up at start")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !AI.requestsFor("dispatch-service-warm-up").isEmpty());
        JsonNode warmUp = AI.requestsFor("dispatch-service-warm-up").getFirst();
        assertThat(warmUp.path("role").asString()).isEqualTo("WORKER");
    }

    @Test
    void a_short_yes_to_an_offer_is_read_against_the_offer_we_sent() {
        // given Nora is offered an order
        String nora = onlineWorker("Nora Díaz", "z-chia", 4.8601, -74.0301);
        chat.placeAndConfirm("o-short-1", "z-chia", 4.860, -74.030, "1212", null);
        chat.awaitReply(nora, "Nuevo pedido #");

        // when she answers "dale" (ai-service reads it against the question it is given)
        AI.answer("dale", intent("offer_accept", 0.9, ""));
        chat.text(nora, "dale");

        // then the order is hers, and ai-service was given the offer as our last question, with its options
        chat.awaitReply(nora, "¡Es tuyo!");
        chat.awaitEvent("o-short-1", "WorkerAssigned");
        JsonNode request = AI.lastRequestWith("dale");
        assertThat(request.path("role").asString()).isEqualTo("WORKER");
        assertThat(request.path("language").asString()).isEqualTo("es-CO");
        assertThat(request.path("context").path("lastMessages").get(0).asString())
                .startsWith("Nuevo pedido #")
                .contains("La Brasa Rola")
                .endsWith("\n1. Aceptar\n2. Rechazar");
    }

    @Test
    void a_typed_number_picks_that_line_of_our_last_options() {
        // given Óscar is offered an order
        String oscar = onlineWorker("Óscar León", "z-cota", 4.8101, -74.1001);
        chat.placeAndConfirm("o-short-2", "z-cota", 4.810, -74.100, "3434", null);
        chat.awaitReply(oscar, "Nuevo pedido #");

        // when he types "2" (ai-service names the line picked: entities.choice)
        AI.answer("2", intent("help", 0.9, "\"choice\": 2"));
        chat.text(oscar, "2");

        // then the second option, Rechazar, is what he chose
        chat.awaitReply(oscar, "se lo ofrecemos a otro rapitendero");
        chat.awaitEvent("o-short-2", "OfferDeclined");
        assertThat(chat.eventTypes("o-short-2")).doesNotContain("WorkerAssigned");
        assertThat(AI.lastRequestWith("2")
                        .path("context")
                        .path("lastMessages")
                        .get(0)
                        .asString())
                .contains("2. Rechazar");

        // and "1" on the options he gets next (Desconectarme first) takes him offline
        chat.text(oscar, "hola");
        chat.awaitReply(oscar, "¡Hola, Óscar!");
        AI.answer("1", intent("help", 0.9, "\"choice\": 1"));
        chat.text(oscar, "1");
        chat.awaitReply(oscar, "Te desconectaste");
    }

    // ---- helpers

    String onlineWorker(String name, String zone, double latitude, double longitude) {
        String waId = "5730066" + String.format("%05d", NUMBERS.incrementAndGet());
        int status = http().post()
                .uri("/api/dispatch/workers")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"%s\",\"waId\":\"%s\",\"zone\":\"%s\",\"language\":\"es\"}"
                        .formatted(name, waId, zone))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(201);
        chat.awaitReply(waId, "Bienvenido a WPFoods");
        chat.goOnline(waId, "es", latitude, longitude);
        return waId;
    }

    RestClient http() {
        var factory = new org.springframework.http.client.JdkClientHttpRequestFactory();
        factory.setReadTimeout(Duration.ofSeconds(60));
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(factory)
                .defaultHeader("Authorization", TestTokens.ops())
                .build();
    }
}
