package co.wpfoods.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesSeriesTest {

    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    static Order confirmedAt(String instant, String reference) {
        var at = Instant.parse(instant);
        return Order.place(
                        OrderMother.cashDraft(),
                        new OrderId("o-" + reference),
                        new OrderReference(reference),
                        "1111",
                        at)
                .order()
                .confirm(null, "Gloria", at)
                .order();
    }

    @Test
    void orders_fall_in_the_bogota_hour_they_were_placed_and_only_counted_ones_add_up() {
        // given two accepted orders at 12:10 and 12:50 Bogotá, one at 14:05, one still pending at 13:00
        var orders = List.of(
                confirmedAt("2026-12-07T17:10:00Z", "2001"),
                confirmedAt("2026-12-07T17:50:00Z", "2002"),
                confirmedAt("2026-12-07T19:05:00Z", "2003"),
                Order.place(
                                OrderMother.cashDraft(),
                                new OrderId("o-2004"),
                                new OrderReference("2004"),
                                "1111",
                                Instant.parse("2026-12-07T18:00:00Z"))
                        .order());
        long one = orders.getFirst().totals().subtotal().value();

        // when sliced by hour from 11 to 14
        var series = SalesSeries.byHour(orders, LocalDate.of(2026, 12, 7), 11, 14, BOGOTA);

        // then 12h has two orders, 13h none (the pending one does not count), 14h one
        assertThat(series.slices())
                .containsExactly(
                        new SalesSeries.Slice(11, 0, 0),
                        new SalesSeries.Slice(12, 2, 2 * one),
                        new SalesSeries.Slice(13, 0, 0),
                        new SalesSeries.Slice(14, 1, one));
        assertThat(series.maxTotalCop()).isEqualTo(2 * one);
    }

    @Test
    void a_week_has_a_slice_per_day_and_a_late_evening_order_belongs_to_its_bogota_day() {
        // given an order on Tuesday 22:30 in Bogotá (already Wednesday in UTC)
        var tuesdayNight = confirmedAt("2026-12-09T03:30:00Z", "3001");
        long one = tuesdayNight.totals().subtotal().value();

        var series =
                SalesSeries.byDay(List.of(tuesdayNight), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13), BOGOTA);

        assertThat(series.slices()).hasSize(7);
        assertThat(series.slices().get(1)).isEqualTo(new SalesSeries.Slice(1, 1, one));
        assertThat(series.slices().get(2).orders()).isZero();
    }

    @Test
    void nonsense_ranges_are_refused() {
        assertThatThrownBy(() -> SalesSeries.byHour(List.of(), LocalDate.now(), 15, 11, BOGOTA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        SalesSeries.byDay(List.of(), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 6), BOGOTA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
