package co.wpfoods.dispatch.matching.domain;

import java.time.Instant;
import java.util.Set;

/** An order waiting in its zone's pool: where to pick it up, when the food is ready, who already said no. */
public record PoolOrder(String orderId, GeoPoint pickup, Instant readyAt, Set<String> excludedWorkers) {

    public PoolOrder {
        excludedWorkers = Set.copyOf(excludedWorkers);
    }

    public PoolOrder(String orderId, GeoPoint pickup, Instant readyAt) {
        this(orderId, pickup, readyAt, Set.of());
    }
}
