package co.wpfoods.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wpfoods.order.listen=false")
@EmbeddedInfra
class RestaurantCatalogIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    KafkaTestConsumer restaurantTopic;

    @BeforeEach
    void listen() {
        restaurantTopic = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Orders.RESTAURANT);
    }

    @AfterEach
    void stopListening() {
        restaurantTopic.close();
    }

    @Test
    void registering_a_restaurant_stores_it_and_publishes_RestaurantRegistered_once() {
        // given a restaurant with two staff numbers in Chapinero
        var response = call(
                "POST", "/api/orders/restaurants", RestaurantMother.laFondaPaisa("573105550101", "+57 310 555 0102"));

        // then it is created with an id and its numbers normalised
        assertThat(response.status()).isEqualTo(201);
        String id = response.body().get("id").asString();
        assertThat(response.body().get("staffWaIds").toString()).isEqualTo("[\"573105550101\",\"573105550102\"]");
        assertThat(call("GET", "/api/orders/restaurants/" + id, null)
                        .body()
                        .get("name")
                        .asString())
                .isEqualTo("La Fonda Paisa");

        // and publishing its menu afterwards proves the stream went past the registration: exactly one event
        call("PUT", "/api/orders/restaurants/" + id + "/menu", RestaurantMother.fondaMenu(18900));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsFor(id, MenuPublished.class).size() == 1);
        List<RestaurantRegistered> registered = eventsFor(id, RestaurantRegistered.class);
        assertThat(registered).hasSize(1);
        RestaurantRegistered event = registered.getFirst();
        assertThat(event.getName()).isEqualTo("La Fonda Paisa");
        assertThat(event.getStaffWaIds()).containsExactly("573105550101", "573105550102");
        assertThat(event.getZone()).isEqualTo("Chapinero");
        assertThat(event.getLocation().getLatitude()).isEqualTo(4.6486);
    }

    @Test
    void each_menu_change_publishes_the_whole_menu_with_the_next_version_and_cop_prices() {
        // given a registered restaurant
        String id = call("POST", "/api/orders/restaurants", RestaurantMother.laFondaPaisa("573105550201"))
                .body()
                .get("id")
                .asString();

        // when its menu is published twice, the second time with a new price
        var first = call("PUT", "/api/orders/restaurants/" + id + "/menu", RestaurantMother.fondaMenu(18900));
        var second = call("PUT", "/api/orders/restaurants/" + id + "/menu", RestaurantMother.fondaMenu(19900));

        // then the versions count up and the stored menu is the last one
        assertThat(first.body().get("version").asLong()).isEqualTo(1);
        assertThat(second.body().get("version").asLong()).isEqualTo(2);
        JsonNode stored =
                call("GET", "/api/orders/restaurants/" + id + "/menu", null).body();
        assertThat(stored.get("items").get(0).get("priceCop").asLong()).isEqualTo(19900);
        assertThat(stored.get("items").get(0).get("modifiers").size()).isEqualTo(2);

        // and each change was published once, in order, with COP prices and modifiers
        List<MenuPublished> menus = await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsFor(id, MenuPublished.class), list -> list.size() == 2);
        assertThat(menus).extracting(MenuPublished::getVersion).containsExactly(1L, 2L);
        var bandeja = menus.get(1).getItems().getFirst();
        assertThat(bandeja.getName()).isEqualTo("Bandeja paisa");
        assertThat(bandeja.getPriceCop()).isEqualTo(19900L);
        assertThat(bandeja.getModifiers())
                .extracting(m -> m.getName())
                .containsExactly("Sin chicharrón", "Huevo extra");
        assertThat(bandeja.getModifiers().get(1).getPriceCop()).isEqualTo(2500L);
        assertThat(menus.get(1).getItems().get(1).getAvailable()).isFalse();
    }

    @Test
    void rejects_restaurants_that_break_the_rules_with_400_and_publishes_nothing() {
        assertThat(call("POST", "/api/orders/restaurants", "{\"name\":\" \",\"staffWaIds\":[\"573105550301\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/orders/restaurants", "{\"name\":\"Sin personal\",\"staffWaIds\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/orders/restaurants", "{\"name\":\"Número malo\",\"staffWaIds\":[\"12ab\"]}")
                        .status())
                .isEqualTo(400);
        var badLocation = call(
                "POST",
                "/api/orders/restaurants",
                "{\"name\":\"Fuera del mapa\",\"staffWaIds\":[\"573105550302\"],\"location\":{\"latitude\":95,\"longitude\":-74}}");
        assertThat(badLocation.status()).isEqualTo(400);
        assertThat(badLocation.body().get("detail").asString()).contains("latitude");
        assertThat(call("POST", "/api/orders/restaurants", "{not json").status())
                .isEqualTo(400);

        assertThat(call("GET", "/api/orders/restaurants", null).body().toString())
                .doesNotContain("Sin personal", "Número malo", "Fuera del mapa");
    }

    @Test
    void rejects_menus_that_break_the_rules_with_400_and_unknown_restaurants_with_404() {
        String id = call("POST", "/api/orders/restaurants", RestaurantMother.laFondaPaisa("573105550401"))
                .body()
                .get("id")
                .asString();
        String menu = "/api/orders/restaurants/" + id + "/menu";

        var centavos = call("PUT", menu, RestaurantMother.fondaMenu("18900.50"));
        assertThat(centavos.status()).isEqualTo(400);
        assertThat(centavos.body().get("detail").asString()).contains("whole COP");
        assertThat(call("PUT", menu, RestaurantMother.fondaMenu("0")).status()).isEqualTo(400);
        assertThat(call("PUT", menu, RestaurantMother.fondaMenu("-100")).status())
                .isEqualTo(400);
        assertThat(call("PUT", menu, "{\"items\":[]}").status()).isEqualTo(400);
        assertThat(call("PUT", menu, RestaurantMother.menuWithTwiceTheSameItem())
                        .status())
                .isEqualTo(400);
        assertThat(call("GET", menu, null).status()).isEqualTo(404);

        assertThat(call("PUT", "/api/orders/restaurants/r-nope/menu", RestaurantMother.fondaMenu(18900))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_staff_number_runs_only_one_restaurant() {
        assertThat(call("POST", "/api/orders/restaurants", RestaurantMother.laFondaPaisa("573105550501"))
                        .status())
                .isEqualTo(201);

        var second = call("POST", "/api/orders/restaurants", RestaurantMother.laFondaPaisa("573105550501"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("detail").asString()).contains("573105550501");
    }

    record Response(int status, JsonNode body) {}

    Response call(String method, String path, String body) {
        var request = RestClient.create("http://localhost:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header("Authorization", TestTokens.ops());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Response(
                    res.getStatusCode().value(), bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes));
        });
    }

    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> List<T> eventsFor(String restaurantId, Class<T> type) {
        return restaurantTopic.poll().stream()
                .filter(r -> restaurantId.equals(r.key()))
                .filter(r -> type.getSimpleName().equals(KafkaTestConsumer.header(r, Headers.EVENT_TYPE)))
                .map(r -> (T) AvroSerde.standard().decode(r.value()))
                .toList();
    }
}
