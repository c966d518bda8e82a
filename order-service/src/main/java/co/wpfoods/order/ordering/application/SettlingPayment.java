package co.wpfoods.order.ordering.application;

import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.CancellationReason;
import co.wpfoods.order.ordering.domain.IllegalTransitionException;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderStatus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies payment-service's news: a completed payment sends an AWAITING_PAYMENT order to the restaurant; a failed one
 * cancels it (PAYMENT_FAILED) and the customer is told; a refund is told to the customer; the payment link is kept
 * so "¿dónde pago?" can be answered.
 */
@Service
public class SettlingPayment {

    private static final Logger log = LoggerFactory.getLogger(SettlingPayment.class);

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    public SettlingPayment(Orders orders, OrderLifecycle lifecycle, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public void requested(OrderId id, String checkoutUrl) {
        if (checkoutUrl != null && orders.find(id).isPresent()) {
            orders.rememberPaymentLink(id, checkoutUrl);
        }
    }

    public void completed(OrderId id) {
        orders.find(id).ifPresent(order -> {
            if (order.status() != OrderStatus.AWAITING_PAYMENT) {
                // cash collected at the door, or a late confirmation: nothing to move
                return;
            }
            lifecycle.move(order, o -> o.paymentCompleted(clock.instant()));
        });
    }

    public void failed(OrderId id, String detail) {
        orders.find(id).ifPresent(order -> {
            if (order.status() != OrderStatus.AWAITING_PAYMENT) {
                log.info("Payment failure for order {} in {} ignored", id, order.status());
                return;
            }
            try {
                lifecycle.move(
                        order,
                        o -> o.cancel(CancellationReason.PAYMENT_FAILED, Actor.PAYMENT, detail, clock.instant()));
            } catch (IllegalTransitionException e) {
                log.info("Payment failure for order {} ignored: {}", id, e.getMessage());
            }
        });
    }

    public void refunded(OrderId id, long amountCop, boolean partial) {
        orders.find(id)
                .ifPresent(order -> lifecycle.news(order, new OrderNotices.OrderNews.Refunded(amountCop, partial)));
    }
}
