package co.wpfoods.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.order.catalog.domain.Cop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Totals in whole COP: what the receipt shows, IVA included. */
class TotalsProperties {

    @Property
    void the_total_is_subtotal_plus_fee_and_the_iva_is_the_included_19_percent_rounded_half_up(
            @ForAll @LongRange(min = 100, max = 500_000) long price,
            @ForAll @IntRange(min = 1, max = 50) int quantity,
            @ForAll @LongRange(min = -5_000, max = 20_000) long modifier,
            @ForAll @LongRange(min = 0, max = 15_000) long fee) {
        var line = new OrderLine(
                "i", "Item", quantity, Cop.of(price), List.of(new OrderLine.ChosenModifier("m", "M", modifier)), null);

        var totals = Totals.of(List.of(line), Cop.of(fee));

        assertThat(totals.subtotal().value()).isEqualTo(Math.max(0, price + modifier) * quantity);
        assertThat(totals.total().value()).isEqualTo(totals.subtotal().value() + fee);
        long expectedIva = BigDecimal.valueOf(totals.total().value())
                .multiply(BigDecimal.valueOf(19))
                .divide(BigDecimal.valueOf(119), 0, RoundingMode.HALF_UP)
                .longValueExact();
        assertThat(totals.iva().value()).isEqualTo(expectedIva);
    }

    @Property
    void a_line_never_costs_less_than_zero(
            @ForAll @LongRange(min = 1, max = 10_000) long price,
            @ForAll @LongRange(min = -50_000, max = 0) long delta) {
        var line = new OrderLine(
                "i", "Item", 3, Cop.of(price), List.of(new OrderLine.ChosenModifier("m", "M", delta)), null);

        assertThat(line.unitPrice().value()).isGreaterThanOrEqualTo(0);
        assertThat(line.total().value()).isEqualTo(line.unitPrice().value() * 3);
    }
}
