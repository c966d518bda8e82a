package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DemoDataTest {

    JsonNode data = DemoSeeder.data();

    @Test
    void has_at_least_three_bogota_restaurants_with_menus_priced_in_whole_cop() {
        assertThat(data.get("restaurants").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode restaurant : data.get("restaurants")) {
            double latitude = restaurant.get("location").get("latitude").asDouble();
            double longitude = restaurant.get("location").get("longitude").asDouble();
            assertThat(latitude).as("latitude of %s", restaurant.get("name")).isBetween(4.45, 4.85);
            assertThat(longitude).as("longitude of %s", restaurant.get("name")).isBetween(-74.25, -73.95);
            JsonNode items = restaurant.get("menu").get("items");
            assertThat(items.size()).isGreaterThanOrEqualTo(5);
            for (JsonNode item : items) {
                assertThat(item.get("priceCop").isIntegralNumber())
                        .as(item.get("name").asString())
                        .isTrue();
                assertThat(item.get("priceCop").asLong()).isBetween(1_000L, 200_000L);
                item.get("modifiers")
                        .forEach(m -> assertThat(m.get("priceCop").asLong()).isNotNegative());
            }
        }
    }

    @Test
    void menus_have_modifiers_and_something_sold_out_so_every_path_can_be_tried() {
        List<JsonNode> items = new ArrayList<>();
        data.get("restaurants").forEach(r -> r.get("menu").get("items").forEach(items::add));

        assertThat(items).anyMatch(item -> item.get("modifiers").size() >= 3);
        assertThat(items)
                .anyMatch(item -> item.get("modifiers").size() > 0
                        && item.get("modifiers").findValues("priceCop").stream().anyMatch(p -> p.asLong() > 0));
        assertThat(items)
                .anyMatch(
                        item -> item.has("available") && !item.get("available").asBoolean());
    }

    @Test
    void every_demo_phone_is_a_distinct_number_with_one_role() {
        var phones = DemoSeeder.phones(data);

        assertThat(phones).extracting(DemoSeeder.Phone::waId).doesNotHaveDuplicates();
        assertThat(phones).extracting(DemoSeeder.Phone::role).contains("customer", "restaurant", "rapitendero");
        assertThat(phones).extracting(DemoSeeder.Phone::waId).allMatch(n -> n.matches("57\\d{10}"));
        assertThat(phones).extracting(DemoSeeder.Phone::waId).doesNotContain(Services.BUSINESS_NUMBER);
    }

    @Test
    void restaurants_say_how_they_sell_and_some_items_ask_a_required_choice() {
        for (JsonNode restaurant : data.get("restaurants")) {
            JsonNode store = restaurant.get("store");
            assertThat(store).as("store of %s", restaurant.get("name")).isNotNull();
            assertThat(store.get("deliveryRadiusMeters").asInt()).isBetween(100, 15_000);
            assertThat(store.get("preparationMinutes").asInt()).isBetween(1, 240);
            store.get("openingHours")
                    .forEach(w -> assertThat(w.get("closes").asString())
                            .isGreaterThan(w.get("opens").asString()));
        }
        // one restaurant is open at any hour, so the demo chat always has somewhere to order from
        assertThat(data.get("restaurants"))
                .anyMatch(r -> r.get("store").get("openingHours").isEmpty());
        List<JsonNode> items = new ArrayList<>();
        data.get("restaurants").forEach(r -> r.get("menu").get("items").forEach(items::add));
        assertThat(items)
                .anyMatch(item -> item.has("modifierGroups")
                        && item.get("modifierGroups").get(0).get("min").asInt() >= 1
                        && item.get("modifiers").findValues("groupId").size() >= 2);
    }
}
