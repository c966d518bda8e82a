package co.wpfoods.order.ordering.application;

import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderLimits;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * A customer confirms a checkout: within the per-customer limits the order is created (PENDING for cash,
 * AWAITING_PAYMENT for card) with its number and delivery PIN. Runs in the caller's transaction (the conversation's).
 */
@Service
public class PlacingOrder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final OrderLimits limits;
    private final Clock clock;

    public PlacingOrder(Orders orders, OrderLifecycle lifecycle, OrderLimits limits, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.limits = limits;
        this.clock = clock;
    }

    public sealed interface Result {
        record Placed(Order order) implements Result {}

        record LimitReached(OrderLimits.Verdict verdict, OrderLimits limits) implements Result {}
    }

    public Result place(Order.Draft draft) {
        var now = clock.instant();
        String key = draft.customer().key();
        var verdict = limits.check(
                orders.placedSince(key, now.minus(Duration.ofHours(1))),
                orders.placedSince(key, now.minus(Duration.ofDays(1))));
        if (verdict != OrderLimits.Verdict.ALLOWED) {
            return new Result.LimitReached(verdict, limits);
        }
        var placement = Order.place(draft, OrderId.newId(), orders.nextReference(), pin(), now);
        return new Result.Placed(lifecycle.placed(placement));
    }

    private static String pin() {
        return "%04d".formatted(RANDOM.nextInt(10_000));
    }
}
