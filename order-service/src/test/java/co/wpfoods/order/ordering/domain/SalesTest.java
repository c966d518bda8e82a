package co.wpfoods.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SalesTest {

    @Test
    void only_orders_the_restaurant_accepted_and_did_not_lose_count_with_their_food_total_and_units() {
        // given one order accepted and ready, one still pending and one accepted then cancelled
        var ready = OrderMother.pendingCashOrder()
                .confirm(null, "Gloria", OrderMother.NOON)
                .order()
                .startPreparing("Gloria", OrderMother.NOON)
                .order()
                .ready("Gloria", OrderMother.NOON)
                .order();
        var pending = OrderMother.pendingCashOrder();
        var cancelled = OrderMother.pendingCashOrder()
                .confirm(30, "Gloria", OrderMother.NOON)
                .order()
                .cancel(CancellationReason.NO_WORKER, Actor.SYSTEM, null, OrderMother.NOON)
                .order();

        // when the sales are summed
        var sales = Sales.of(List.of(ready, pending, cancelled), 3);

        // then only the ready order counts: two bandejas with an extra egg each, without the delivery fee
        assertThat(sales.orders()).isEqualTo(1);
        assertThat(sales.totalCop()).isEqualTo(ready.totals().subtotal().value());
        assertThat(sales.totalCop()).isEqualTo(2 * (32_900 + 2_500));
        assertThat(sales.topItems()).containsExactly(new Sales.TopItem("Bandeja paisa", 2));
    }

    @Test
    void top_items_are_the_most_units_first_then_by_name_and_limited() {
        var order = OrderMother.pendingCashOrder();
        var lines = List.of(
                new OrderLine("a", "Limonada", 3, order.lines().getFirst().basePrice(), List.of(), null),
                new OrderLine("b", "Arepa", 1, order.lines().getFirst().basePrice(), List.of(), null),
                new OrderLine("c", "Empanada", 3, order.lines().getFirst().basePrice(), List.of(), null));
        var confirmed = order.confirm(null, "Gloria", OrderMother.NOON).order();
        var withLines = new Order(
                confirmed.id(),
                confirmed.reference(),
                confirmed.customer(),
                confirmed.restaurantId(),
                confirmed.status(),
                lines,
                confirmed.totals(),
                confirmed.paymentMethod(),
                confirmed.cashChangeFor(),
                confirmed.address(),
                confirmed.notes(),
                confirmed.deliveryPin(),
                confirmed.preparationMinutes(),
                confirmed.estimatedReadyAt(),
                confirmed.cancellation(),
                confirmed.rating(),
                confirmed.history(),
                confirmed.placedAt(),
                confirmed.version());

        assertThat(Sales.of(List.of(withLines), 2).topItems())
                .containsExactly(new Sales.TopItem("Empanada", 3), new Sales.TopItem("Limonada", 3));
    }
}
