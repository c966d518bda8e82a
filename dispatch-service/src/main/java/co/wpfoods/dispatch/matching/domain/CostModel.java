package co.wpfoods.dispatch.matching.domain;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The cost of sending a worker to an order, in metres-equivalent: the distance to the restaurant plus a penalty for
 * every second the food would wait for the worker after it is ready. Vehicle fit: each vehicle has a speed (arrival
 * estimate) and a farthest pickup; a pair beyond it has no cost (it is never offered).
 *
 * @param latePenaltyMetersPerSecond metres-equivalent per second the worker arrives after the food is ready
 */
public record CostModel(double latePenaltyMetersPerSecond) {

    public static final CostModel STANDARD = new CostModel(4.0);

    public CostModel {
        if (latePenaltyMetersPerSecond < 0) {
            throw new IllegalArgumentException("latePenaltyMetersPerSecond must not be negative");
        }
    }

    /** The pair's cost, or empty when the worker's vehicle cannot take this pickup. */
    public OptionalLong cost(PoolOrder order, FreeWorker worker, Instant now) {
        double meters = worker.location().metersTo(order.pickup());
        return cost(meters, order, worker, now);
    }

    public OptionalLong cost(double meters, PoolOrder order, FreeWorker worker, Instant now) {
        if (meters > worker.vehicle().maxPickupMeters()) {
            return OptionalLong.empty();
        }
        double travelSeconds = meters / worker.vehicle().metersPerSecond();
        double readyInSeconds = (order.readyAt().toEpochMilli() - now.toEpochMilli()) / 1000.0;
        double lateSeconds = Math.max(0, travelSeconds - Math.max(0, readyInSeconds));
        return OptionalLong.of(Math.round(meters + latePenaltyMetersPerSecond * lateSeconds));
    }
}
