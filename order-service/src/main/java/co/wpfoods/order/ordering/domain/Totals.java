package co.wpfoods.order.ordering.domain;

import co.wpfoods.order.catalog.domain.Cop;
import java.util.List;

/**
 * What an order costs in whole COP. Menu prices in Colombia are shown to consumers with IVA included, and so is the
 * receipt: the total is subtotal + delivery fee, and the IVA line says how much of that total is IVA (19 %):
 * {@code iva = round(total × 19 / 119)}, half up. Nothing is added on top of what the menu showed.
 */
public record Totals(Cop subtotal, Cop deliveryFee, Cop iva, Cop total) {

    public static final int IVA_PERCENT = 19;

    public static Totals of(List<OrderLine> lines, Cop deliveryFee) {
        long subtotal = lines.stream().mapToLong(l -> l.total().value()).sum();
        long total = subtotal + deliveryFee.value();
        return new Totals(Cop.of(subtotal), deliveryFee, Cop.of(ivaIncludedIn(total)), Cop.of(total));
    }

    static long ivaIncludedIn(long total) {
        // round half up of total * 19 / 119 in integers
        return (total * IVA_PERCENT * 2 + (100 + IVA_PERCENT)) / ((100 + IVA_PERCENT) * 2);
    }
}
