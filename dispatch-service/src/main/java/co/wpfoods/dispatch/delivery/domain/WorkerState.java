package co.wpfoods.dispatch.delivery.domain;

import co.wpfoods.dispatch.matching.domain.GeoPoint;
import java.time.Duration;
import java.time.Instant;

/** The worker's conversation state and latest location (one row per worker). */
public record WorkerState(
        String workerId,
        boolean confirmed,
        boolean online,
        Awaiting awaiting,
        String awaitingOrder,
        GeoPoint location,
        Instant locatedAt) {

    /** What the next free-text message is read as. */
    public enum Awaiting {
        NOTHING,
        /** a location to go online with */
        LOCATION,
        /** the customer's 4-digit PIN for {@code awaitingOrder} */
        PIN
    }

    public boolean locationFresh(Instant now, Duration staleAfter) {
        return location != null && locatedAt != null && locatedAt.isAfter(now.minus(staleAfter));
    }

    public WorkerState expecting(Awaiting what, String orderId) {
        return new WorkerState(workerId, confirmed, online, what, orderId, location, locatedAt);
    }

    public WorkerState withOnline(boolean value) {
        return new WorkerState(workerId, confirmed, value, awaiting, awaitingOrder, location, locatedAt);
    }

    public WorkerState asConfirmed() {
        return new WorkerState(workerId, true, online, awaiting, awaitingOrder, location, locatedAt);
    }

    public WorkerState located(GeoPoint at, Instant now) {
        return new WorkerState(workerId, confirmed, online, awaiting, awaitingOrder, at, now);
    }
}
