package co.wpfoods.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog API against the OWASP API Security Top 10 (2023): each test fails if its protection
 * is taken away (object level API1, authentication API2, property level API3, function level API5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class CatalogAccessIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    String fonda;
    String brasa;

    @BeforeEach
    void twoRestaurants() {
        fonda = call(
                        HttpMethod.POST,
                        "/api/orders/restaurants",
                        RestaurantMother.laFondaPaisa(uniqueNumber()),
                        TestTokens.ops())
                .body()
                .get("id")
                .asString();
        brasa = call(
                        HttpMethod.POST,
                        "/api/orders/restaurants",
                        RestaurantMother.laFondaPaisa(uniqueNumber()),
                        TestTokens.ops())
                .body()
                .get("id")
                .asString();
        assertThat(call(HttpMethod.PUT, menu(brasa), RestaurantMother.fondaMenu(21000), TestTokens.ops())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_restaurant_token_reads_and_changes_its_own_menu() {
        String token = TestTokens.restaurant(fonda);

        assertThat(call(HttpMethod.PUT, menu(fonda), RestaurantMother.fondaMenu(18900), token)
                        .status())
                .isEqualTo(200);
        assertThat(call(HttpMethod.GET, menu(fonda), null, token).status()).isEqualTo(200);
    }

    @Test
    void a_restaurant_token_gets_404_for_another_restaurants_menu_and_cannot_overwrite_it() {
        String fondaToken = TestTokens.restaurant(fonda);

        assertThat(call(HttpMethod.GET, menu(brasa), null, fondaToken).status()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/orders/restaurants/" + brasa, null, fondaToken)
                        .status())
                .isEqualTo(404);
        assertThat(call(HttpMethod.PUT, menu(brasa), RestaurantMother.fondaMenu(100), fondaToken)
                        .status())
                .isEqualTo(404);

        JsonNode stored =
                call(HttpMethod.GET, menu(brasa), null, TestTokens.ops()).body();
        assertThat(stored.get("items").get(0).get("priceCop").asLong()).isEqualTo(21000);
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_restaurant_lists_only_itself_and_never_sees_staff_numbers_which_ops_sees() {
        JsonNode asRestaurant = call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.restaurant(fonda))
                .body();
        JsonNode asOps = call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.ops())
                .body();

        assertThat(asRestaurant).hasSize(1);
        assertThat(asRestaurant.get(0).get("id").asString()).isEqualTo(fonda);
        assertThat(asRestaurant.get(0).get("staffWaIds").isNull()).isTrue();
        assertThat(asOps.toString()).contains(fonda, brasa);
        assertThat(asOps.get(0).get("staffWaIds").size()).isEqualTo(1);
    }

    @Test
    void without_a_token_nothing_is_read_or_stored() {
        int before = call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.ops())
                .body()
                .size();

        assertThat(call(HttpMethod.GET, "/api/orders/restaurants", null, null).status())
                .isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/api/orders/restaurants", RestaurantMother.laFondaPaisa(uniqueNumber()), null)
                        .status())
                .isEqualTo(401);
        assertThat(call(HttpMethod.PUT, menu(fonda), RestaurantMother.fondaMenu(1000), null)
                        .status())
                .isEqualTo(401);

        assertThat(call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.ops())
                        .body()
                        .size())
                .isEqualTo(before);
    }

    @Test
    void only_ops_registers_restaurants_and_other_roles_get_no_catalog() {
        String staff = uniqueNumber();
        assertThat(call(
                                HttpMethod.POST,
                                "/api/orders/restaurants",
                                RestaurantMother.laFondaPaisa(staff),
                                TestTokens.restaurant(fonda))
                        .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.workerAdmin())
                        .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, menu(fonda), null, TestTokens.service()).status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.ops())
                        .body()
                        .toString())
                .doesNotContain(staff);
    }

    // jqwik fuzzing of the public JSON endpoints: malformed input gets a 4xx, never a 5xx, and nothing is stored

    @Test
    void malformed_registrations_get_a_4xx_and_store_nothing() {
        int before = restaurantCount();

        MalformedCatalogJson.registrations().sampleStream().limit(150).forEach(body -> {
            int status = call(HttpMethod.POST, "/api/orders/restaurants", body, TestTokens.ops())
                    .status();
            assertThat(status).as(body).isBetween(400, 499);
        });

        assertThat(restaurantCount()).isEqualTo(before);
    }

    @Test
    void malformed_menus_get_a_4xx_and_leave_the_menu_as_it_was() {
        MalformedCatalogJson.menus().sampleStream().limit(150).forEach(body -> {
            int status =
                    call(HttpMethod.PUT, menu(brasa), body, TestTokens.ops()).status();
            assertThat(status).as(body).isBetween(400, 499);
        });

        JsonNode stored =
                call(HttpMethod.GET, menu(brasa), null, TestTokens.ops()).body();
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    int restaurantCount() {
        return call(HttpMethod.GET, "/api/orders/restaurants", null, TestTokens.ops())
                .body()
                .size();
    }

    static String menu(String restaurantId) {
        return "/api/orders/restaurants/" + restaurantId + "/menu";
    }

    static int next = 0;

    static String uniqueNumber() {
        return "57310777" + String.format("%04d", ++next);
    }

    record Response(int status, JsonNode body) {}

    Response call(HttpMethod method, String path, String body, String authorization) {
        var request =
                RestClient.create("http://localhost:" + port).method(method).uri(path);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Response(
                    res.getStatusCode().value(), bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes));
        });
    }
}
