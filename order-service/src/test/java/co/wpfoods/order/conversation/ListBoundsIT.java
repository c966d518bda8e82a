package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.order.catalog.application.RegisteringRestaurant;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** OWASP API4 on order-service: every list is a bounded page (size 1–100); the restaurant list was unbounded. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpfoods.order.ai.base-url=http://127.0.0.1:9"})
@co.wpfoods.testing.EmbeddedInfra
class ListBoundsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RegisteringRestaurant registering;

    @Test
    void the_restaurant_list_comes_a_bounded_page_at_a_time() throws Exception {
        for (int i = 0; i < 3; i++) {
            registering.register(new RegisteringRestaurant.Command(
                    "Página " + i,
                    List.of(new WaId("57310999880" + i)),
                    "Calle 60 # 9-32",
                    new GeoLocation(4.6486, -74.0636),
                    "Chapinero",
                    new StoreSettings(OpeningHours.ALWAYS, 3000, Cop.of(5000), 25, false)));
        }
        assertThat(get("/api/orders/restaurants?size=101").statusCode()).isEqualTo(400);
        assertThat(get("/api/orders/restaurants?size=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/orders/restaurants?page=-1").statusCode()).isEqualTo(400);
        var two = get("/api/orders/restaurants?size=2");
        assertThat(two.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(two.body()).size()).isEqualTo(2);
        var next = JSON.readTree(get("/api/orders/restaurants?size=2&page=1").body());
        assertThat(next.size()).isGreaterThanOrEqualTo(1);
        assertThat(next.get(0).get("id").asString())
                .isNotIn(
                        JSON.readTree(two.body()).get(0).get("id").asString(),
                        JSON.readTree(two.body()).get(1).get("id").asString());
        assertThat(get("/api/orders/support?size=101").statusCode()).isEqualTo(400);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.ops())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
