package co.wpfoods.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The order lifecycle holds whatever anybody tries, in any order. */
class OrderLifecycleProperties {

    enum Action {
        PAY(OrderStatus.PENDING, o -> o.paymentCompleted(OrderMother.NOON)),
        CONFIRM(OrderStatus.CONFIRMED, o -> o.confirm(null, "Gloria", OrderMother.NOON)),
        PREPARE(OrderStatus.PREPARING, o -> o.startPreparing("Gloria", OrderMother.NOON)),
        READY(OrderStatus.READY, o -> o.ready("Gloria", OrderMother.NOON)),
        PICK_UP(OrderStatus.PICKED_UP, o -> o.pickedUp("Carlos", null, OrderMother.NOON)),
        DELIVER(OrderStatus.DELIVERED, o -> o.delivered(OrderMother.NOON)),
        CANCEL(
                OrderStatus.CANCELLED,
                o -> o.cancel(CancellationReason.CUSTOMER_REQUEST, Actor.CUSTOMER, null, OrderMother.NOON));

        final OrderStatus target;
        final Function<Order, Order.Transition> move;

        Action(OrderStatus target, Function<Order, Order.Transition> move) {
            this.target = target;
            this.move = move;
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return Arbitraries.of(Action.class).list().ofMaxSize(12);
    }

    @Property
    void every_move_happens_exactly_when_the_lifecycle_allows_it(
            @ForAll("actions") List<Action> actions, @ForAll boolean card) {
        // given a freshly placed order, paid by card or in cash
        Order order = card ? OrderMother.awaitingCardPayment() : OrderMother.pendingCashOrder();
        int moves = 0;
        for (Action action : actions) {
            OrderStatus before = order.status();
            if (before.canMoveTo(action.target)) {
                // when the move is allowed it happens, with its event and a history entry
                var transition = action.move.apply(order);
                order = transition.order();
                moves++;
                assertThat(order.status()).isEqualTo(action.target);
                assertThat(transition.event().order()).isEqualTo(order);
            } else {
                // otherwise it is refused and nothing changes
                Order unchanged = order;
                assertThatThrownBy(() -> action.move.apply(unchanged)).isInstanceOf(IllegalTransitionException.class);
                assertThat(order.status()).isEqualTo(before);
            }
        }
        assertThat(order.history()).hasSize(1 + moves);
        assertThat(order.history().getLast().status()).isEqualTo(order.status());
    }

    @Property
    void an_order_is_never_cancelled_once_picked_up_and_nothing_follows_the_end(
            @ForAll("actions") List<Action> actions) {
        Order order = OrderMother.pendingCashOrder();
        boolean pickedUp = false;
        for (Action action : actions) {
            if (order.status().canMoveTo(action.target)) {
                order = action.move.apply(order).order();
                pickedUp |= order.status() == OrderStatus.PICKED_UP;
            }
        }
        if (pickedUp) {
            assertThat(order.status()).isIn(OrderStatus.PICKED_UP, OrderStatus.DELIVERED);
        }
        if (order.status() == OrderStatus.CANCELLED) {
            assertThat(order.cancellation().previousStatus())
                    .isIn(EnumSet.of(
                            OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY));
        }
        if (order.status().isFinished()) {
            assertThat(order.status().next()).isEmpty();
        }
    }

    @Property
    void the_customer_may_cancel_only_before_preparation(@ForAll OrderStatus status) {
        assertThat(status.customerMayCancel())
                .isEqualTo(EnumSet.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.PENDING, OrderStatus.CONFIRMED)
                        .contains(status));
    }
}
