package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.order.catalog.domain.GeoDistance;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.conversation.domain.BogotaGrid;
import org.junit.jupiter.api.Test;

class BogotaGridTest {

    @Test
    void a_chapinero_address_lands_within_a_few_hundred_metres_of_its_corner() {
        // Calle 60 con Carrera 9 (La Fonda Paisa's block) is about 4.6486, -74.0636
        var placed = BogotaGrid.place("calle", "60", "9").orElseThrow();

        assertThat(GeoDistance.meters(placed, new GeoLocation(4.6486, -74.0636)))
                .isLessThan(600);
    }

    @Test
    void a_carrera_address_reads_the_calle_from_the_cross_street() {
        assertThat(BogotaGrid.place("Carrera", "9", "60")).isEqualTo(BogotaGrid.place("Calle", "60", "9"));
    }

    @Test
    void addresses_outside_the_grid_or_without_numbers_are_not_placed() {
        assertThat(BogotaGrid.place("diagonal", "40", "20")).isEmpty();
        assertThat(BogotaGrid.place("calle", "sin número", "9")).isEmpty();
        assertThat(BogotaGrid.place(null, "60", "9")).isEmpty();
    }
}
