package co.wpfoods.order.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.schemas.wa.WaId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreRulesTest {

    // Monday 7 December 2026, 12:30 in Bogotá (UTC-5)
    static final Instant MONDAY_LUNCH = Instant.parse("2026-12-07T17:30:00Z");

    static final OpeningHours LUNCH_ON_WEEKDAYS = new OpeningHours(List.of(
            new OpeningHours.Window(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(15, 0)),
            new OpeningHours.Window(DayOfWeek.TUESDAY, LocalTime.of(11, 0), LocalTime.of(15, 0))));

    @Test
    void opening_hours_are_read_in_bogota_time() {
        assertThat(LUNCH_ON_WEEKDAYS.isOpenAt(MONDAY_LUNCH)).isTrue();
        // 16:00 UTC is 11:00 in Bogotá: open; 15:59 UTC is 10:59: closed
        assertThat(LUNCH_ON_WEEKDAYS.isOpenAt(Instant.parse("2026-12-07T16:00:00Z")))
                .isTrue();
        assertThat(LUNCH_ON_WEEKDAYS.isOpenAt(Instant.parse("2026-12-07T15:59:00Z")))
                .isFalse();
    }

    @Test
    void a_closed_restaurant_says_when_it_opens_next() {
        var mondayNight = Instant.parse("2026-12-08T02:00:00Z"); // Monday 21:00 in Bogotá
        var next = LUNCH_ON_WEEKDAYS.nextOpening(mondayNight).orElseThrow();

        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(11, 0));
    }

    @Test
    void a_paused_store_takes_no_orders_even_when_open() {
        var store = new StoreSettings(LUNCH_ON_WEEKDAYS, 3000, Cop.of(4000), 20, false);

        assertThat(store.takesOrdersAt(MONDAY_LUNCH)).isTrue();
        assertThat(store.withPaused(true).takesOrdersAt(MONDAY_LUNCH)).isFalse();
    }

    @Test
    void a_smaller_size_may_cost_less_but_never_make_the_item_cost_less_than_zero() {
        var size = new ModifierGroup("size", "Tamaño", 1, 1);
        var personal = new MenuItem.Modifier("personal", "Personal", CopDelta.of(-8_000), "size");
        var item =
                new MenuItem("pizza", "Pizza", null, "Pizzas", Cop.of(30_000), true, List.of(size), List.of(personal));
        assertThat(item.modifiersOf(size)).containsExactly(personal);

        var tooCheap = new MenuItem.Modifier("gratis", "Gratis", CopDelta.of(-40_000), "size");
        assertThatThrownBy(() -> new MenuItem(
                        "pizza", "Pizza", null, null, Cop.of(30_000), true, List.of(size), List.of(tooCheap)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("less than 0");
    }

    @Test
    void a_required_group_needs_enough_options_and_sane_bounds() {
        assertThatThrownBy(() -> new ModifierGroup("g", "G", 2, 1)).isInstanceOf(InvalidCatalogException.class);
        assertThatThrownBy(() -> new MenuItem(
                        "x",
                        "X",
                        null,
                        null,
                        Cop.of(1000),
                        true,
                        List.of(new ModifierGroup("g", "G", 1, 1)),
                        List.of()))
                .isInstanceOf(InvalidCatalogException.class);
    }

    @Test
    void a_restaurant_delivers_only_within_its_radius() {
        var fonda = new Restaurant(
                new RestaurantId("r"),
                "Fonda",
                List.of(new WaId("573105550101")),
                null,
                new GeoLocation(4.6486, -74.0636),
                null,
                new StoreSettings(OpeningHours.ALWAYS, 2000, Cop.of(4000), 20, false));

        assertThat(fonda.deliversTo(new GeoLocation(4.6550, -74.0600))).isTrue(); // ~800 m
        assertThat(fonda.deliversTo(new GeoLocation(4.6962, -74.0310))).isFalse(); // Usaquén, ~6 km
    }
}
