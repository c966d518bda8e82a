package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.Earning;
import java.time.Instant;
import java.util.List;

/** Port: Earnings booked per delivered order, and payouts. Implemented by the database adapter; every method joins the caller's transaction. */
public interface EarningsBook {

    public record EarningRow(
            String orderId,
            String workerId,
            long baseCop,
            long distanceCop,
            long bonusCop,
            long gasCop,
            long totalCop,
            Instant earnedAt,
            String payoutId) {}

    public record PayoutRow(String id, String workerId, long amountCop, String reference, Instant paidAt) {}

    /** Books the delivery's earning once; false when it was already booked. */
    boolean bookEarning(String orderId, String workerId, Earning e, Instant at);

    List<EarningRow> earnings(String workerId, Instant from, Instant to);

    /** Marks every unpaid earning of the worker up to {@code upTo} as paid by a new payout; its amount, or 0. */
    long pay(String payoutId, String workerId, Instant upTo, String reference, Instant now);

    List<PayoutRow> payouts(String workerId, int page, int size);
}
