package co.wpfoods.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void a_cash_order_goes_straight_to_the_restaurant_with_its_totals_snapshot_and_pin() {
        var order = OrderMother.pendingCashOrder();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        // 2 × (32,900 + 2,500) + 5,000 delivery = 75,800; IVA included = 75,800 × 19 / 119 = 12,102.5… → 12,103
        assertThat(order.totals().subtotal().value()).isEqualTo(70_800);
        assertThat(order.totals().total().value()).isEqualTo(75_800);
        assertThat(order.totals().iva().value()).isEqualTo(12_103);
        assertThat(order.deliveryPin()).matches("\\d{4}");
        assertThat(order.cashChangeFor().value()).isEqualTo(100_000);
    }

    @Test
    void a_card_order_waits_for_payment_and_keeps_no_cash_change() {
        var order = OrderMother.awaitingCardPayment();

        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.cashChangeFor()).isNull();
    }

    @Test
    void confirming_sets_the_preparation_time_or_assumes_the_restaurants_usual_one() {
        var usual = OrderMother.pendingCashOrder()
                .confirm(null, "Gloria", OrderMother.NOON)
                .order();
        var forty = OrderMother.pendingCashOrder()
                .confirm(40, "Gloria", OrderMother.NOON)
                .order();

        assertThat(usual.preparationMinutes()).isEqualTo(25);
        assertThat(forty.estimatedReadyAt()).isEqualTo(OrderMother.NOON.plusSeconds(40 * 60));
        assertThat(forty.lastMovedBy()).isEqualTo("Gloria");
    }

    @Test
    void a_cancellation_says_why_by_whom_and_from_which_status() {
        var cancelled = OrderMother.pendingCashOrder()
                .cancel(CancellationReason.RESTAURANT_TIMEOUT, Actor.SYSTEM, "no answer", OrderMother.NOON)
                .order();

        assertThat(cancelled.cancellation())
                .isEqualTo(new Cancellation(
                        CancellationReason.RESTAURANT_TIMEOUT, Actor.SYSTEM, "no answer", OrderStatus.PENDING));
    }

    @Test
    void a_rating_is_only_for_a_delivered_order_and_within_1_to_5() {
        var pending = OrderMother.pendingCashOrder();
        assertThatThrownBy(() -> pending.rate(5)).isInstanceOf(IllegalTransitionException.class);

        var delivered = pending.confirm(null, "G", OrderMother.NOON)
                .order()
                .startPreparing("G", OrderMother.NOON)
                .order()
                .ready("G", OrderMother.NOON)
                .order()
                .pickedUp("Carlos", null, OrderMother.NOON)
                .order()
                .delivered(OrderMother.NOON)
                .order();
        assertThatThrownBy(() -> delivered.rate(6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(delivered.rate(4).rating()).isEqualTo(4);
    }

    @Test
    void limits_refuse_the_eleventh_order_in_an_hour_and_the_fifty_first_in_a_day() {
        assertThat(OrderLimits.PRODUCT.check(9, 20)).isEqualTo(OrderLimits.Verdict.ALLOWED);
        assertThat(OrderLimits.PRODUCT.check(10, 20)).isEqualTo(OrderLimits.Verdict.HOURLY_LIMIT);
        assertThat(OrderLimits.PRODUCT.check(2, 50)).isEqualTo(OrderLimits.Verdict.DAILY_LIMIT);
    }
}
