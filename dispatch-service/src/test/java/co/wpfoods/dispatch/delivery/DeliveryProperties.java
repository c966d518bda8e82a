package co.wpfoods.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.Earning;
import co.wpfoods.dispatch.delivery.domain.EarningsPolicy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class DeliveryProperties {

    static final String PIN = "4821";
    static final int MAX_ATTEMPTS = 3;
    static final Instant NOW = Instant.parse("2026-12-07T17:30:00Z");
    static final EarningsPolicy POLICY = new EarningsPolicy(
            3500,
            900,
            250,
            1500,
            1000,
            List.of(EarningsPolicy.PeakWindow.parse("11:30-14:00"), EarningsPolicy.PeakWindow.parse("18:30-21:00")),
            ZoneId.of("America/Bogota"));

    enum Step {
        PICK_UP,
        RIGHT_PIN,
        WRONG_PIN,
        CANCEL
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void a_delivery_is_delivered_at_most_once_and_only_after_pickup_with_the_right_pin(
            @ForAll("steps") List<Step> steps) {
        // given an assigned delivery and any sequence of messages, repeated ones included
        Delivery delivery = Delivery.assigned("o-1", "w-1");
        int delivered = 0;
        boolean pickedUp = false;
        for (Step step : steps) {
            Delivery before = delivery;
            // when each step is applied
            Delivery.Step result = switch (step) {
                case PICK_UP -> delivery.pickUp(NOW);
                case RIGHT_PIN -> delivery.deliver(PIN, PIN, MAX_ATTEMPTS, NOW);
                case WRONG_PIN -> delivery.deliver("0000", PIN, MAX_ATTEMPTS, NOW);
                case CANCEL -> delivery.cancel();
            };
            delivery = result.delivery();
            // then: delivered only from picked up with the right PIN and attempts left; finished is final
            if (result instanceof Delivery.DeliveredNow) {
                delivered++;
                assertThat(pickedUp).isTrue();
                assertThat(step).isEqualTo(Step.RIGHT_PIN);
                assertThat(before.pinAttempts()).isLessThan(MAX_ATTEMPTS);
            }
            if (result instanceof Delivery.PickedUpNow) {
                pickedUp = true;
            }
            if (!before.status().active()) {
                assertThat(delivery).isEqualTo(before);
            }
            assertThat(delivery.pinAttempts()).isBetween(0, MAX_ATTEMPTS);
        }
        assertThat(delivered).isLessThanOrEqualTo(1);
    }

    @Property(tries = 300)
    void earnings_are_booked_exactly_once_per_delivered_order_even_when_messages_are_redelivered(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 20_000) Integer> tripMeters,
            @ForAll @IntRange(min = 1, max = 4) int copies) {
        // given several deliveries picked up, and the PIN message of each arriving `copies` times
        Map<String, Delivery> deliveries = new HashMap<>();
        Map<String, Earning> ledger = new HashMap<>();
        for (int i = 0; i < tripMeters.size(); i++) {
            deliveries.put(
                    "o-" + i,
                    ((Delivery.PickedUpNow) Delivery.assigned("o-" + i, "w-1").pickUp(NOW)).delivery());
        }
        int bookings = 0;
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 0; i < tripMeters.size(); i++) {
                String order = "o-" + i;
                // when each copy is handled the way Delivering does: book only on the transition to delivered
                Delivery.Step step = deliveries.get(order).deliver(PIN, PIN, MAX_ATTEMPTS, NOW);
                deliveries.put(order, step.delivery());
                if (step instanceof Delivery.DeliveredNow) {
                    assertThat(ledger.putIfAbsent(order, POLICY.quote(tripMeters.get(i), NOW, false)))
                            .isNull();
                    bookings++;
                }
            }
        }
        // then every order is booked once, and the sum is the sum of its quotes
        assertThat(bookings).isEqualTo(tripMeters.size());
        long expected = 0;
        for (int meters : tripMeters) {
            expected += POLICY.quote(meters, NOW, false).totalCop();
        }
        assertThat(ledger.values().stream().mapToLong(Earning::totalCop).sum()).isEqualTo(expected);
    }

    @Property(tries = 500)
    void an_earning_is_never_negative_adds_up_and_never_pays_less_for_a_longer_trip(
            @ForAll @IntRange(min = 0, max = 50_000) int meters,
            @ForAll @IntRange(min = 0, max = 5_000) int more,
            @ForAll @LongRange(min = 0, max = 7 * 24 * 3600) long secondsIntoWeek,
            @ForAll boolean raining) {
        Instant at = Instant.parse("2026-12-07T05:00:00Z").plusSeconds(secondsIntoWeek);
        Earning earning = POLICY.quote(meters, at, raining);
        Earning longer = POLICY.quote(meters + more, at, raining);

        assertThat(earning.baseCop()).isEqualTo(3500);
        assertThat(earning.distanceCop()).isNotNegative();
        assertThat(earning.gasCop()).isNotNegative();
        assertThat(earning.bonusCop()).isIn(0L, 1000L, 1500L, 2500L);
        assertThat(earning.totalCop())
                .isEqualTo(earning.baseCop() + earning.distanceCop() + earning.bonusCop() + earning.gasCop());
        assertThat(longer.totalCop()).isGreaterThanOrEqualTo(earning.totalCop());
        assertThat(raining ? earning.bonusCop() >= 1000 : earning.bonusCop() != 1000 && earning.bonusCop() != 2500)
                .isTrue();
    }
}
