package co.wpfoods.dispatch.delivery.domain;

import co.wpfoods.dispatch.matching.domain.GeoPoint;
import java.time.Instant;

/** What dispatch knows of an order (from {@code OrderPlaced}) and where it stands in dispatch. */
public record DispatchOrder(
        String orderId,
        String reference,
        String customerWaId,
        String customerFirstName,
        String restaurantId,
        String restaurantName,
        String pickupAddress,
        GeoPoint pickupPoint,
        String zone,
        String deliveryAddress,
        GeoPoint deliveryPoint,
        String deliveryPin,
        String paymentMethod,
        long totalCop,
        Long cashChangeForCop,
        Status status,
        Instant estimatedReadyAt,
        boolean ready,
        Instant pooledAt,
        boolean delayReported,
        Instant placedAt) {

    public enum Status {
        /** placed, not yet confirmed by the restaurant */
        PLACED,
        /** waiting in its zone's pool for the next batch */
        POOLED,
        /** an offer is out */
        OFFERED,
        ASSIGNED,
        PICKED_UP,
        DELIVERED,
        CANCELLED,
        /** given up (no worker, by policy) */
        FAILED;

        public boolean finished() {
            return this == DELIVERED || this == CANCELLED || this == FAILED;
        }
    }

    /** Restaurant to customer, straight line, when both points are known. */
    public int tripMeters() {
        if (pickupPoint == null || deliveryPoint == null) {
            return 0;
        }
        return (int) Math.round(pickupPoint.metersTo(deliveryPoint));
    }

    /** When the food is (expected) ready: now if the restaurant said so, else its estimate, else placement. */
    public Instant readyAt(Instant now) {
        if (ready) {
            return now;
        }
        return estimatedReadyAt != null ? estimatedReadyAt : placedAt;
    }
}
